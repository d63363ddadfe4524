/**
 * What instrumented code calls: the recorder, the per-object registry and the line sink.
 *
 * <p>Everything in this package uses the JDK alone and is defined in the bootstrap class loader
 * at start-up, because advice inlined into JDK classes (FileInputStream, ZipFile, ...) can only
 * see bootstrap classes. Nothing here may reference the agent's other packages or its shaded
 * libraries; the agent hands in what it needs through the small interfaces declared here.
 */
package dev.leaktrace.bootstrap;

/**
 * What instrumented code calls: the recorder, the per-object registry and the line sink.
 *
 * <p>Everything in this package uses the JDK alone and is defined in the bootstrap class loader
 * at start-up, because advice inlined into JDK classes (FileInputStream, ZipFile, ...) can only
 * see bootstrap classes. The agent hands in what it needs through the small interfaces declared
 * here.
 *
 * <h2>Rules of the premain path</h2>
 *
 * The premain path is this package, {@code dev.leaktrace.api} and {@code dev.leaktrace.agent} with
 * all its subpackages: the code that runs before the application's {@code main}, inside the class
 * file transformer, and inside the application's traced constructors and drop methods.
 * {@code dev.leaktrace.rules.PremainBytecodeRulesTest} checks both rules on the built classes.
 * <ol>
 * <li><b>No {@code invokedynamic}.</b> No lambda or method reference (write a small named
 * class), no record that leaves toString, equals or hashCode to the compiler (spell them out),
 * and string concatenation compiled inline ({@code -XDstringConcat=inline} in the modules'
 * builds). The first run of each call site makes the JDK generate and load classes: time before
 * {@code main}, and class loading inside the transformer or a traced constructor, where it can
 * recurse into the agent (docs/performance.md has the cost).</li>
 * <li><b>The bootstrap module names {@code java.*} and its own packages alone</b>: in its
 * constant pools, as owners of the fields and methods it uses, in descriptors and as
 * supertypes. The boot class loader that defines it sees nothing of the agent or its shaded
 * libraries, and the JDK's other packages are internal or unsupported.</li>
 * </ol>
 */
package dev.leaktrace.bootstrap;

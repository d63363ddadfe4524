package dev.leaktrace.junit;

/**
 * A traced object still alive, as the recorder reported it; a copy of the agent's
 * {@code LiveObject} that the extension can name without loading the bootstrap package early.
 *
 * @param type     binary name of the object's class
 * @param size     bytes, as the config's size rule estimated them
 * @param site     {@code path/File.java:line} of the {@code new}
 * @param id       the recorder's id; ids grow, so later objects have larger ones
 * @param dropOnGc whether the type's drop is collection by the GC
 */
record TracedObject(String type, long size, String site, long id, boolean dropOnGc) {
}

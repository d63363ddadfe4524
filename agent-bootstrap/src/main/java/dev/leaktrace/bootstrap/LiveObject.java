package dev.leaktrace.bootstrap;

/**
 * A traced object that has not been dropped, as its @ALLOCATE line described it.
 *
 * @param dropOnGc whether its type's drop is collection by the GC (so a GC may still release it)
 */
public record LiveObject(String type, long size, String site, long id, boolean dropOnGc) {
    /** The object as an @ALLOCATE line (without newline), for dumps. */
    public String allocateLine() {
        return "@ALLOCATE " + type + " " + size + " " + site + " " + id;
    }
}

package dev.leaktrace.bootstrap;

import java.util.Objects;

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

    @Override
    public boolean equals(Object other) {
        return other instanceof LiveObject o && Objects.equals(type, o.type) && size == o.size
                && Objects.equals(site, o.site)
                && id == o.id && dropOnGc == o.dropOnGc;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, size, site, id, dropOnGc);
    }

    @Override
    public String toString() {
        return "LiveObject[type=" + type + ", size=" + size + ", site=" + site + ", id=" + id + ", dropOnGc="
                + dropOnGc + "]";
    }
}

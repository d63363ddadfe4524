package dev.leaktrace.bench.library;

import dev.leaktrace.bench.tracked.TrackedResource;

/**
 * A library's factory, as a JDBC driver's createStatement or Netty's allocator: it calls
 * {@code new} itself. The bench config names this package in {@code library:}, so the objects it
 * makes are charged to the benchmark's line that called it.
 */
public final class ResourceFactory {
    private ResourceFactory() {
    }

    public static TrackedResource open(int handle) {
        return new TrackedResource(handle);
    }
}

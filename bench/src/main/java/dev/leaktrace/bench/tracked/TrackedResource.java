package dev.leaktrace.bench.tracked;

/**
 * The configured class of workload 2 (its package is named by the benchmark config): a small
 * resource with a {@code close()}, the default drop method.
 */
public final class TrackedResource implements AutoCloseable {
    private final int handle;
    private long used;
    private boolean closed;

    public TrackedResource(int handle) {
        this.handle = handle;
    }

    public int handle() {
        return handle;
    }

    public void use(long amount) {
        used += amount;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }
}

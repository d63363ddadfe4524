package dev.leaktrace.bench.peers;

/**
 * The classic leak detector (file-leak-detector, Netty's ResourceLeakDetector at PARANOID): a
 * {@code new Throwable()} per object, which fills in the whole stack, kept in a map until
 * {@code close()}. Same shape as {@code TrackedResource}; no agent involved.
 */
public final class ThrowableTrackedResource implements AutoCloseable {
    private final int handle;
    private long used;
    private boolean closed;

    public ThrowableTrackedResource(int handle) {
        this.handle = handle;
        ThrowableLeakDetector.opened(this);
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
        ThrowableLeakDetector.closed(this);
    }

    public boolean isClosed() {
        return closed;
    }
}

package dev.leaktrace.bench.peers;

/**
 * {@code TrackedResource}'s shape with {@link PlainWorkLog}'s calls written in where the agent
 * inserts its own: before the {@code new}, after super(), at the constructor's exit, at close().
 */
public final class PlainWorkResource implements AutoCloseable {
    private final int handle;
    private long used;
    private boolean closed;

    public PlainWorkResource(int handle) {
        super();
        PlainWorkLog.bound(this);
        this.handle = handle;
        PlainWorkLog.constructed(this);
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
        PlainWorkLog.released(this);
    }

    public boolean isClosed() {
        return closed;
    }
}

package leakfixtures;

/** A closeable fixture: traced objects of it drop on close(). Outside dev.leaktrace.junit, which the agent never traces. */
public final class Connection implements AutoCloseable {
    private final long[] buffer = new long[4];
    private boolean open = true;

    public boolean isOpen() {
        return open && buffer.length > 0;
    }

    @Override
    public void close() {
        open = false;
    }
}

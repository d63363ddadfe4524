package sample;

/** Stands for a pooled database connection: it must be closed. */
public final class Connection implements AutoCloseable {
    private boolean open = true;

    public int query(String sql) {
        if (!open) {
            throw new IllegalStateException("closed");
        }
        return sql.length();
    }

    @Override
    public void close() {
        open = false;
    }
}

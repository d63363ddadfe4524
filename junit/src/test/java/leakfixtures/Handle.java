package leakfixtures;

/** A second closeable fixture, for annotations that name one type but not the other. */
public final class Handle implements AutoCloseable {
    @Override
    public void close() {
    }
}

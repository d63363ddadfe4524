package dev.leaktrace.bench.heap;

/** The traced type of {@link BigHeap}: never closed, kept in a static list. */
public final class Session implements AutoCloseable {
    final byte[] buffer = new byte[1024];
    final Object record;

    Session(Object record) {
        this.record = record;
    }

    @Override
    public void close() {
    }
}

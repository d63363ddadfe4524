package dev.leaktrace.bench.untracked;

/**
 * An unconfigured class with a {@code close()}, like most of a real program's resources: the
 * agent must not touch it.
 */
public final class Scratch implements AutoCloseable {
    private final StringBuilder text = new StringBuilder(64);
    private boolean closed;

    public Scratch append(String s) {
        text.append(s).append(';');
        return this;
    }

    public int length() {
        return text.length();
    }

    @Override
    public void close() {
        closed = true;
    }
}

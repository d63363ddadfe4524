package dev.leaktrace.analyser;

/** Receives the lines of a log, one call per line, from {@link LineReader}. */
@FunctionalInterface
public interface LineHandler {
    /**
     * @param bytes the reader's buffer; only {@code [start, end)} is this line, and only during the call
     * @param lineNumber 1-based
     * @param terminated false for a last line that has no newline, which may be cut off
     */
    void line(byte[] bytes, int start, int end, long lineNumber, boolean terminated);
}

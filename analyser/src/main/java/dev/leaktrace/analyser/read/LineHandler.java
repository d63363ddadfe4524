package dev.leaktrace.analyser.read;

/** Receives the lines of a log, one call per line, from {@link LineReader}. */
@FunctionalInterface
interface LineHandler {
    /**
     * @param bytes the reader's buffer; only {@code [start, end)} is this line, and only during the call
     * @param lineNumber 1-based
     * @param terminated false for a last line that has no newline, which may be cut off
     */
    void line(byte[] bytes, int start, int end, long lineNumber, boolean terminated);

    /**
     * Offered first for every line, before the reader has looked for its end: a handler that can
     * parse the line while finding its {@code '\n'} takes it and returns the index of that
     * {@code '\n'}, so the line's bytes are scanned once instead of twice. Returning -1 (the
     * default) declines, and the line comes to {@link #line} as usual.
     *
     * @param bytes the reader's buffer; the line starts at {@code start}, the data ends at {@code limit}
     * @param lineNumber the number the line will have
     * @return the index of the line's {@code '\n'} (below {@code limit}) if the line was handled, else -1
     */
    default int lineUpToNewline(byte[] bytes, int start, int limit, long lineNumber) {
        return -1;
    }
}

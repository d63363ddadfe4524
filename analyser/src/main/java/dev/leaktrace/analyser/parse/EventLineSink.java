package dev.leaktrace.analyser.parse;

/** Takes each line of a log once it is parsed, one call per line, in file order: the pairing's one way in. */
public interface EventLineSink {
    /**
     * @param bytes the reader's buffer, into which {@code event}'s offsets point; valid only during the call
     * @param lineNumber 1-based
     */
    void line(byte[] bytes, long lineNumber, EventLine event);
}

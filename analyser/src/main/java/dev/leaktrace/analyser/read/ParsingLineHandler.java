package dev.leaktrace.analyser.read;

import dev.leaktrace.analyser.parse.CanonicalLineParser;
import dev.leaktrace.analyser.parse.EventLine;
import dev.leaktrace.analyser.parse.EventLineParser;
import dev.leaktrace.analyser.parse.EventLineSink;

/**
 * Parses each line that {@link LineReader} splits off, the agent's own shape while finding its
 * end ({@link CanonicalLineParser}), any other with {@link EventLineParser}, and hands it on.
 */
final class ParsingLineHandler implements LineHandler {
    private final CanonicalLineParser canonical = new CanonicalLineParser();
    private final EventLineParser general = new EventLineParser();
    private final EventLine event = new EventLine();
    private final EventLineSink sink;

    ParsingLineHandler(EventLineSink sink) {
        this.sink = sink;
    }

    @Override
    public int lineUpToNewline(byte[] bytes, int start, int limit, long lineNumber) {
        int newline = canonical.parse(bytes, start, limit, event);
        if (newline >= 0) {
            sink.line(bytes, lineNumber, event);
        }
        return newline;
    }

    @Override
    public void line(byte[] bytes, int start, int end, long lineNumber, boolean terminated) {
        general.parse(bytes, start, end, terminated, event);
        sink.line(bytes, lineNumber, event);
    }
}

package dev.leaktrace.analyser.read;

import dev.leaktrace.analyser.parse.EventLine;
import java.util.Arrays;

/**
 * A block of a log's bytes and its lines, parsed, as the reading thread of {@link PipelinedReader}
 * hands them to the pairing thread. Batches go round between the two threads and are reused, and
 * so are the {@link EventLine}s of their lines.
 */
final class LineBatch {
    private final int size;
    byte[] bytes;
    /** The bytes read: {@code bytes[0, limit)}. */
    int limit;
    int lines;
    /** Set on the last batch of the log. */
    boolean last;
    /** What stopped the reading thread, to be thrown on the pairing thread after this batch's lines. */
    Throwable failure;

    private EventLine[] events = new EventLine[0];

    LineBatch(int size) {
        this.size = size;
        bytes = new byte[size];
    }

    /** Makes the batch empty, for reuse; a buffer grown for a very long line is given back. */
    void reset() {
        if (bytes.length > size) {
            bytes = new byte[size];
        }
        limit = 0;
        lines = 0;
        last = false;
        failure = null;
    }

    /** The event to parse the next line into; it becomes part of the batch only with {@link #add}. */
    EventLine next() {
        if (lines == events.length) {
            events = Arrays.copyOf(events, Math.max(1024, lines * 2));
        }
        EventLine event = events[lines];
        if (event == null) {
            event = new EventLine();
            events[lines] = event;
        }
        return event;
    }

    /** Adds the line parsed into {@link #next}. */
    void add() {
        lines++;
    }

    EventLine event(int line) {
        return events[line];
    }
}

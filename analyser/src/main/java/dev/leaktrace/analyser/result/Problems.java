package dev.leaktrace.analyser.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts input problems by kind and keeps the first few messages of each, so a log with a million
 * bad lines yields a short, useful report instead of a million messages.
 */
public final class Problems {
    public static final int SHOWN_PER_KIND = 5;

    private final Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
    private final Map<ProblemKind, List<String>> firstMessages = new EnumMap<>(ProblemKind.class);
    private final boolean strict;

    public Problems(boolean strict) {
        this.strict = strict;
    }

    /** Whether the next problem of this kind would still be shown; lets callers skip building the message. */
    public boolean wantsMessage(ProblemKind kind) {
        return strict || count(kind) < SHOWN_PER_KIND;
    }

    /** Records one problem; {@code message} may be null when {@link #wantsMessage} said no. */
    public void report(ProblemKind kind, String message) {
        if (strict) {
            throw new StrictModeException(message + " (--strict makes this fatal)");
        }
        long seen = counts.getOrDefault(kind, 0L) + 1; // not merge: the path of leaks has no lambdas (docs/performance.md)
        counts.put(kind, seen);
        if (seen <= SHOWN_PER_KIND && message != null) {
            List<String> messages = firstMessages.get(kind);
            if (messages == null) {
                messages = new ArrayList<>();
                firstMessages.put(kind, messages);
            }
            messages.add(message);
        }
    }

    public long count(ProblemKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public List<String> firstMessages(ProblemKind kind) {
        return Collections.unmodifiableList(firstMessages.getOrDefault(kind, List.of()));
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}

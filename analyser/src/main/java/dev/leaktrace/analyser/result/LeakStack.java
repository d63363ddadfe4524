package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * Leaked objects of one type and site that share one allocating call stack.
 *
 * @param frames the call stack, root (outermost caller) first, as written in the log (still
 *     percent-encoded); empty for the leaked objects of the site that have no @STACK line
 */
public record LeakStack(List<String> frames, String type, String site, long count, long bytes) {

    public boolean hasStack() {
        return !frames.isEmpty();
    }
}

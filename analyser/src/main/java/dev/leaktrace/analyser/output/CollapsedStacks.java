package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaked bytes in the "collapsed stack" format that flamegraph.pl and speedscope read: one line
 * per distinct path, {@code frame;frame;...;frame <bytes>}, root first.
 *
 * <p>The leaked type is appended as a last pseudo-frame {@code [type]} so types show in the graph.
 * Leaked objects without a recorded stack are not guessed at: they hang under one pseudo-frame
 * for their site, {@code [site] file:line;[type]}, so every leaked byte is in the graph exactly once.
 */
public final class CollapsedStacks {
    static final String SITE_FRAME = "[site] ";

    private CollapsedStacks() {
    }

    /** The frames of a graph path: the call stack (or the site pseudo-frame), then the type. */
    public static List<String> path(LeakStack stack) {
        List<String> path = new ArrayList<>(stack.frames().size() + 2);
        if (stack.hasStack()) {
            path.addAll(stack.frames());
        } else {
            path.add(SITE_FRAME + stack.site());
        }
        path.add("[" + stack.type() + "]");
        return path;
    }

    /** The whole output, largest bytes first; empty when nothing leaked. */
    public static String of(Analysis analysis) {
        Map<String, Long> bytesByPath = new LinkedHashMap<>();
        for (LeakStack stack : analysis.stacks()) {
            bytesByPath.merge(String.join(";", path(stack)), stack.bytes(), Long::sum);
        }
        List<Map.Entry<String, Long>> lines = new ArrayList<>(bytesByPath.entrySet());
        lines.sort(Map.Entry.<String, Long>comparingByValue().reversed()); // stable: ties keep their order
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Long> line : lines) {
            out.append(line.getKey()).append(' ').append(line.getValue()).append('\n');
        }
        return out.toString();
    }
}

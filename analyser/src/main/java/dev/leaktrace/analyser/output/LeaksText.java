package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.LeakStack;
import java.util.List;

/** The human-readable output of {@code leaks}. */
public final class LeaksText {
    private LeaksText() {
    }

    public static String of(Analysis analysis) {
        StringBuilder out = new StringBuilder();
        if (analysis.allocations() == 0) {
            out.append("No leaks: no traced objects were created.\n");
        } else if (analysis.groups().isEmpty()) {
            out.append("No leaks: every allocation was dropped");
            out.append(analysis.collectedWithoutDrop() > 0 ? " or collected.\n" : ".\n");
        } else {
            out.append("Leaked (allocated, never dropped), by type and site, largest first:\n");
            out.append(table(analysis.groups(), true));
        }
        if (!analysis.collected().isEmpty()) {
            out.append("\nCollected by the GC without a drop (not leaked, but nobody released them):\n");
            out.append(table(analysis.collected(), false));
        }
        long withStack = 0; // a loop, not a stream: the path of leaks has no lambdas (docs/performance.md)
        for (LeakStack stack : analysis.stacks()) {
            if (stack.hasStack()) {
                withStack += stack.count();
            }
        }
        if (withStack > 0) {
            out.append("\nCall stacks were recorded for ").append(withStack).append(" of the leaked objects; "
                    + "see them with --collapsed FILE (for flamegraph.pl or speedscope) or in the report.\n");
        }
        out.append('\n').append(totals(analysis)).append('\n');
        return out.toString();
    }

    static String totals(Analysis analysis) {
        return "Total: " + analysis.allocations() + " allocations, " + analysis.drops() + " drops, "
                + analysis.collectedWithoutDrop() + " collected without drop; leaked "
                + Counted.of(analysis.leakedCount(), "object") + ", " + analysis.leakedBytes() + " bytes (" + ByteUnits.human(analysis.leakedBytes()) + ")"
                + " in " + String.join(", ", analysis.files());
    }

    private static String table(List<LeakGroup> groups, boolean withTrend) {
        TextTable table = withTrend
                ? new TextTable(new boolean[] {true, true, true, false, false, false, false},
                        "COUNT", "BYTES", "HUMAN", "TREND", "TYPE", "SITE", "EXAMPLE IDS")
                : new TextTable(new boolean[] {true, true, true, false, false, false},
                        "COUNT", "BYTES", "HUMAN", "TYPE", "SITE", "EXAMPLE IDS");
        for (LeakGroup group : groups) {
            StringBuilder ids = new StringBuilder();
            for (Long id : group.ids()) {
                ids.append(ids.length() > 0 ? "," : "").append(id);
            }
            if (group.count() > group.ids().size()) {
                ids.append(",...");
            }
            if (withTrend) {
                table.add(String.valueOf(group.count()), String.valueOf(group.bytes()), ByteUnits.human(group.bytes()),
                        group.trend().label(), group.type(), group.site(), ids.toString());
            } else {
                table.add(String.valueOf(group.count()), String.valueOf(group.bytes()), ByteUnits.human(group.bytes()),
                        group.type(), group.site(), ids.toString());
            }
        }
        return table.render("  ");
    }
}

package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.LeakStack;
import dev.leaktrace.analyser.result.LogSource;
import dev.leaktrace.analyser.result.SiteCount;
import java.util.List;

/** The human-readable output of {@code leaks}. */
public final class LeaksText {
    private LeaksText() {
    }

    public static String of(Analysis analysis) {
        StringBuilder out = new StringBuilder();
        if (analysis.hasSurvivorsLog()) {
            out.append(survivorsNote(analysis)).append("\n\n");
        }
        if (analysis.allocations() == 0) {
            out.append("No leaks: no traced objects were created.\n");
        } else if (analysis.groups().isEmpty()) {
            out.append("No leaks: every allocation was dropped");
            out.append(analysis.collectedWithoutDrop() > 0 ? " or collected.\n" : ".\n");
        } else {
            out.append("Leaked (allocated, never dropped), by type and site, largest first:\n");
            out.append(table(analysis.groups(), true));
            out.append(HoldersText.of(analysis.groups()));
        }
        out.append(HoldersText.reachable(analysis.reachable()));
        if (!analysis.collected().isEmpty()) {
            out.append("\nCollected by the GC without a drop (not leaked, but nobody released them):\n");
            out.append(table(analysis.collected(), false));
        }
        libraryLines(out, analysis.groups(), analysis.collected());
        long withStack = 0; // a loop, not a stream: the path of leaks has no lambdas (docs/performance.md)
        for (LeakStack stack : analysis.stacks()) {
            if (stack.hasStack()) {
                withStack += stack.count();
            }
        }
        if (withStack > 0) {
            out.append("\nCall stacks of leaked objects, largest first (innermost frame first):\n");
            stackList(out, analysis.stacks());
        }
        if (!analysis.collectedStacks().isEmpty()) {
            out.append("\nCall stacks of objects collected without a drop, largest first (innermost frame first):\n");
            stackList(out, analysis.collectedStacks());
        }
        if (withStack > 0 || !analysis.collectedStacks().isEmpty()) {
            out.append("All stacks: --collapsed FILE (for flamegraph.pl or speedscope), --json, or the report.\n");
        }
        if (!analysis.counts().isEmpty()) {
            out.append("\nCounted by type and site (every object, short-lived ones included):\n");
            out.append(countsTable(analysis.counts()));
        }
        if (analysis.sources().size() > 1) {
            out.append("\nBy JVM (host/pid from each log's header):\n");
            out.append(sourcesTable(analysis.sources()));
        }
        out.append('\n').append(totals(analysis)).append('\n');
        return out.toString();
    }

    /** Shown stacks per list, and frames per stack: the rest is in --collapsed and --json. */
    private static final int STACKS_SHOWN = 10;
    private static final int FRAMES_SHOWN = 8;

    private static void stackList(StringBuilder out, List<LeakStack> stacks) {
        int shown = 0;
        for (LeakStack stack : stacks) {
            if (!stack.hasStack()) {
                continue;
            }
            if (shown++ == STACKS_SHOWN) {
                out.append("  ...\n");
                break;
            }
            out.append("  ").append(stack.count()).append(" objects, ").append(ByteUnits.human(stack.bytes()))
                    .append(": ").append(stack.type()).append(" at ").append(stack.site()).append('\n');
            List<String> frames = stack.frames();
            for (int i = frames.size() - 1; i >= 0 && i >= frames.size() - FRAMES_SHOWN; i--) {
                out.append("      ").append(frames.get(i)).append('\n');
            }
            if (frames.size() > FRAMES_SHOWN) {
                out.append("      ...\n");
            }
        }
    }

    /** The library lines of the groups whose objects a library made for the application's line. */
    private static void libraryLines(StringBuilder out, List<LeakGroup> leaked, List<LeakGroup> collected) {
        boolean any = false;
        for (List<LeakGroup> groups : List.of(leaked, collected)) {
            for (LeakGroup group : groups) {
                if (group.librarySites().isEmpty()) {
                    continue;
                }
                if (!any) {
                    out.append("\nMade in library code for these sites (the library's line of new):\n");
                    any = true;
                }
                out.append("  ").append(group.type()).append(" at ").append(group.site()).append(": ")
                        .append(String.join(", ", group.librarySites())).append('\n');
            }
        }
    }

    /** What a survivors log leaves out, said first so that no one reads its groups as the whole run. */
    static String survivorsNote(Analysis analysis) {
        long age = 0;
        for (LogSource source : analysis.sources()) {
            if (source.survivors()) {
                age = Math.max(age, source.survivorAgeMillis());
            }
        }
        return "Survivors log: only objects alive past the survivor age" + (age > 0 ? " (" + age + " ms)" : "")
                + " or at exit have lines; the leaked objects are exact, the totals come from the @COUNTS lines.";
    }

    private static String countsTable(List<SiteCount> counts) {
        TextTable table = new TextTable(new boolean[] {true, true, true, true, true, false, false},
                "ALLOCATED", "DROPPED", "COLLECTED", "LIVE", "LIVE BYTES", "TYPE", "SITE");
        for (SiteCount c : counts) {
            table.add(String.valueOf(c.allocated()), String.valueOf(c.dropped()), String.valueOf(c.collected()),
                    String.valueOf(c.live()), String.valueOf(Math.max(0, c.allocatedBytes() - c.droppedBytes()
                            - c.collectedBytes())), c.type(), c.site());
        }
        return table.render("  ");
    }

    static String sourcesTable(List<LogSource> sources) {
        TextTable table = new TextTable(new boolean[] {false, true, true, true, true, true, false, false},
                "JVM", "ALLOCATIONS", "DROPS", "COLLECTED", "LEAKED", "LEAKED BYTES", "LOG", "FILE");
        long[] sum = new long[5];
        for (LogSource s : sources) {
            table.add(s.jvm(), String.valueOf(s.allocations()), String.valueOf(s.drops()),
                    String.valueOf(s.collectedWithoutDrop()), String.valueOf(s.leakedCount()),
                    String.valueOf(s.leakedBytes()), s.survivors() ? "survivors" : "all", s.file());
            sum[0] += s.allocations();
            sum[1] += s.drops();
            sum[2] += s.collectedWithoutDrop();
            sum[3] += s.leakedCount();
            sum[4] += s.leakedBytes();
        }
        table.add("all " + sources.size(), String.valueOf(sum[0]), String.valueOf(sum[1]), String.valueOf(sum[2]),
                String.valueOf(sum[3]), String.valueOf(sum[4]), "", "");
        return table.render("  ");
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

package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths from GC roots ({@code scripts/heap-paths-bench.sh}, its {@code heap-paths/results.tsv}):
 * the traced JVM's pause under {@code dump --paths} and under {@code jcmd GC.heap_dump}, taken in
 * alternating order, the time of {@code paths HEAP.hprof} against jcmd's, and the analysis's memory.
 */
final class HeapPathsSection implements Section {
    static final String RESULTS = "heap-paths/results.tsv";
    private static final String PAUSE = "paths from GC roots: the traced JVM's pause, dump --paths vs jcmd GC.heap_dump";
    private static final String TIME = "paths from GC roots: paths HEAP.hprof vs jcmd GC.heap_dump's time";
    private static final String MEMORY = "paths from GC roots: memory of the analysis (peak RSS of its JVM)";

    private final ResultsDir results;

    HeapPathsSection(ResultsDir results) {
        this.results = results;
    }

    @Override
    public void render(StringBuilder out, Targets targets) throws IOException {
        out.append("## 7. Paths from GC roots\n\n");
        List<String> lines = results.lines(RESULTS);
        if (lines.size() < 2) {
            out.append("Not measured in this run (no `").append(RESULTS).append("`).\n\n");
            targets.missing(PAUSE, "≤ jcmd's pause");
            targets.missing(TIME, "≤ 2× jcmd's time");
            targets.missing(MEMORY, "reported");
            return;
        }
        List<String> columns = List.of(lines.get(0).split("\t"));
        List<String[]> runs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            runs.add(line.split("\t"));
        }
        out.append("A traced JVM holding a service-sized heap (millions of small objects, thousands leaked); per run, ")
                .append("`jcmd PID GC.heap_dump` and `dump PID --paths 3` one after the other (jcmd first on odd ")
                .append("runs, ours first on even ones), then `paths` alone on jcmd's dump. Pauses: the safepoints ")
                .append("of `-Xlog:safepoint`. Machine: ")
                .append(String.join("; ", results.lines("heap-paths/machine.txt"))).append(".\n\n");
        Markdown.head(out, "run", "first", "jcmd GC.heap_dump (s)", "its pause (s)", "dump --paths (s)",
                "its pause (s)", "paths HEAP.hprof (s)", "of which reading (s)", "paths peak RSS (MB)", "objects",
                "dump (MB)");
        String[] names = {"run", "first", "jcmd_s", "jcmd_pause_s", "dump_paths_s", "ours_pause_s", "paths_s",
            "read_s", "paths_rss_mb", "paths_objects", "dump_mb"};
        for (String[] run : runs) {
            String[] cells = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                cells[i] = cell(columns, run, names[i]);
            }
            Markdown.row(out, cells);
        }
        String[] medians = new String[names.length];
        medians[0] = "median";
        medians[1] = "";
        for (int i = 2; i < names.length; i++) {
            medians[i] = fmt(median(columns, runs, names[i]));
        }
        Markdown.row(out, medians);
        out.append('\n');
        Markdown.command(out, results.command("heap-paths", "scripts/heap-paths-bench.sh 1024 10000 3"));

        // Each pause where it was taken first, when both orders ran: the second dump of a run is slowed
        // by the first (whose file is still being written back, or cached), and not by the same amount.
        List<String[]> jcmdFirst = runs.stream().filter(r -> cell(columns, r, "first").equals("jcmd")).toList();
        List<String[]> oursFirst = runs.stream().filter(r -> cell(columns, r, "first").equals("ours")).toList();
        boolean byOrder = !jcmdFirst.isEmpty() && !oursFirst.isEmpty();
        double jcmd = median(columns, runs, "jcmd_s");
        double jcmdPause = median(columns, byOrder ? jcmdFirst : runs, "jcmd_pause_s");
        double oursPause = median(columns, byOrder ? oursFirst : runs, "ours_pause_s");
        if (byOrder) {
            out.append(format("Pauses by order (medians): taken first, jcmd %s s (%d runs) and ours %s s (%d runs); "
                    + "taken second, jcmd %s s and ours %s s.%n%n", fmt(jcmdPause), jcmdFirst.size(), fmt(oursPause),
                    oursFirst.size(), fmt(median(columns, oursFirst, "jcmd_pause_s")),
                    fmt(median(columns, jcmdFirst, "ours_pause_s"))));
        }
        double paths = median(columns, runs, "paths_s");
        double rss = median(columns, runs, "paths_rss_mb");
        targets.judge(PAUSE, "≤ jcmd's pause", format("%s s vs %s s (%.2f×, medians %s)", fmt(oursPause),
                fmt(jcmdPause), oursPause / jcmdPause, byOrder ? "of each taken first" : "of " + runs.size() + " runs"),
                oursPause <= jcmdPause);
        targets.judge(TIME, "≤ 2× jcmd's time", format("%.2f× (%s s vs %s s)", paths / jcmd, fmt(paths), fmt(jcmd)),
                paths <= 2 * jcmd);
        targets.judge(MEMORY, "reported", format("%s MB for a %s MB dump of %s objects", fmt(rss),
                fmt(median(columns, runs, "dump_mb")), fmt(median(columns, runs, "paths_objects"))), !Double.isNaN(rss));
    }

    private static String cell(List<String> columns, String[] run, String name) {
        int at = columns.indexOf(name);
        return at < 0 || at >= run.length ? "?" : run[at];
    }

    private static double median(List<String> columns, List<String[]> runs, String name) {
        double[] values = runs.stream().mapToDouble(r -> {
            try {
                return Double.parseDouble(cell(columns, r, name));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}

package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.List;

/**
 * Paths from GC roots ({@code scripts/heap-paths-bench.sh}, its {@code heap-paths/results.tsv}):
 * the traced JVM's pause under {@code dump --paths} and under {@code jcmd GC.heap_dump}, taken in
 * alternating order (the section shows both orders apart), the time of {@code paths HEAP.hprof} against jcmd's, and the analysis's memory.
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
        TsvRuns table = TsvRuns.of(results.lines(RESULTS));
        if (table == null) {
            out.append("Not measured in this run (no `").append(RESULTS).append("`).\n\n");
            targets.missing(PAUSE, "≤ jcmd's pause");
            targets.missing(TIME, "≤ 2× jcmd's time");
            targets.missing(MEMORY, "reported");
            return;
        }
        List<String[]> runs = table.runs();
        out.append("A traced JVM holding a service-sized heap (millions of small objects, thousands leaked); per run, ")
                .append("`jcmd PID GC.heap_dump` (then `paths` alone on its dump, which is then deleted) and ")
                .append("`dump PID --paths 3`, each after a `sync`, jcmd first on odd runs and ours first on even ones. ")
                .append("Pauses: the safepoints ")
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
                cells[i] = table.cell(run, names[i]);
            }
            Markdown.row(out, cells);
        }
        String[] medians = new String[names.length];
        medians[0] = "median";
        medians[1] = "";
        for (int i = 2; i < names.length; i++) {
            medians[i] = fmt(table.median(names[i]));
        }
        Markdown.row(out, medians);
        out.append('\n');
        Markdown.command(out, results.command("heap-paths", "scripts/heap-paths-bench.sh 1024 10000 4"));

        TsvRuns jcmdFirst = table.where("first", "jcmd");
        TsvRuns oursFirst = table.where("first", "ours");
        boolean byOrder = !jcmdFirst.runs().isEmpty() && !oursFirst.runs().isEmpty();
        double jcmd = table.median("jcmd_s");
        double jcmdPause = table.median("jcmd_pause_s");
        double oursPause = table.median("ours_pause_s");
        if (byOrder) {
            out.append(format("Pauses by order (medians): taken first, jcmd %s s (%d runs) and ours %s s (%d runs); "
                    + "taken second, jcmd %s s and ours %s s.%n%n", fmt(jcmdFirst.median("jcmd_pause_s")),
                    jcmdFirst.runs().size(), fmt(oursFirst.median("ours_pause_s")),
                    oursFirst.runs().size(), fmt(oursFirst.median("jcmd_pause_s")),
                    fmt(jcmdFirst.median("ours_pause_s"))));
        }
        double paths = table.median("paths_s");
        double rss = table.median("paths_rss_mb");
        targets.judge(PAUSE, "≤ jcmd's pause", format("%s s vs %s s (%.2f×, medians of %d runs%s)", fmt(oursPause),
                fmt(jcmdPause), oursPause / jcmdPause, runs.size(), byOrder ? ", order alternated" : ""),
                oursPause <= jcmdPause);
        targets.judge(TIME, "≤ 2× jcmd's time", format("%.2f× (%s s vs %s s)", paths / jcmd, fmt(paths), fmt(jcmd)),
                paths <= 2 * jcmd);
        targets.judge(MEMORY, "reported", format("%s MB for a %s MB dump of %s objects", fmt(rss),
                fmt(table.median("dump_mb")), fmt(table.median("paths_objects"))), !Double.isNaN(rss));
    }
}

package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;

import java.util.List;

/** hyperfine's timings of each command, in milliseconds. */
final class HyperfineTable {
    private HyperfineTable() {
    }

    static void render(StringBuilder out, List<HyperfineRun> runs) {
        Markdown.head(out, "Command", "median (ms)", "mean ± σ (ms)", "min … max (ms)", "runs");
        for (HyperfineRun r : runs) {
            Markdown.row(out, "`" + r.command().replace("|", "\\|") + "`", fmt(r.median() * 1000),
                    fmt(r.mean() * 1000) + " ± " + fmt(r.stddev() * 1000),
                    fmt(r.min() * 1000) + " … " + fmt(r.max() * 1000), Integer.toString(r.runs()));
        }
        out.append('\n');
    }
}

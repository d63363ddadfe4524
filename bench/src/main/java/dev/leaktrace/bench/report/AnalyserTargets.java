package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.List;

/** Workload 4's targets: {@code leaks} against awk and {@code wc -l}, and under {@code -Xmx128m}. */
final class AnalyserTargets {
    private final ResultsDir results;
    private final double wc;
    private final double awk;
    private final double leaks;

    AnalyserTargets(ResultsDir results, List<HyperfineRun> runs) {
        this.results = results;
        this.wc = runs.get(0).median();
        this.awk = runs.get(1).median();
        this.leaks = runs.size() > 2 ? runs.get(2).median() : Double.NaN;
    }

    void judge(Targets targets) throws IOException {
        targets.judge("Analyser `leaks` vs the awk pairing script", "≥ 10× faster",
                format("%.1f× (%.2f s vs %.2f s)", awk / leaks, leaks, awk), awk / leaks >= 10);
        targets.judge("Analyser `leaks` vs `wc -l`", "≤ 10×",
                format("%.1f× of wc -l (%.2f s vs %.3f s)", leaks / wc, leaks, wc), leaks / wc <= 10);
        List<String> exit = results.lines("exit-leaks.txt");
        boolean ok = !exit.isEmpty() && exit.get(0).trim().equals("0");
        targets.judge("Analyser under `-Xmx128m` (100k live at the end)", "runs",
                "exit " + (exit.isEmpty() ? "?" : exit.get(0).trim()), ok);
    }

    /** The agent's jar has no {@code leaks} command: the baselines are timed, the targets wait. */
    void pending(Targets targets) throws IOException {
        String why = String.join(" ", results.lines("leaks-status.txt"));
        targets.pending("Analyser `leaks` vs awk pairing", "≥ 10× faster", format("pending (%s); awk takes %.1f s, "
                + "wc -l %.2f s", why.isEmpty() ? "no `leaks` command" : why, awk, wc));
        targets.pending("Analyser `leaks` vs `wc -l`", "within 10×", "pending");
        targets.pending("Analyser with `-Xmx128m`", "enough", "pending");
    }
}

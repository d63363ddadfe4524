package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.List;

/**
 * Workload 4: {@code leaks} on a generated log beside {@code wc -l} and an awk script. hyperfine's
 * commands come in the order scripts/bench.sh gives them: wc, awk, leaks, leaks on the log twice as
 * long, leaks on JDK 25, and with an AOT cache; the last four only where they ran.
 */
final class AnalyserSection implements Section {
    private static final String[] RSS_NAMES = {"wc", "awk", "leaks", "leaks-double", "leaks-jdk25", "leaks-jdk25-aot"};
    private final ResultsDir results;

    AnalyserSection(ResultsDir results) {
        this.results = results;
    }

    @Override
    public void render(StringBuilder out, Targets targets) throws IOException {
        out.append("## 4. Analyser\n\n");
        describe(out);
        List<HyperfineRun> runs = results.hyperfine("analyser.json");
        if (runs == null) {
            targets.missing("Analyser", "≥ 10× faster than awk");
            return;
        }
        HyperfineTable.render(out, runs);
        peakRss(out);
        Markdown.command(out, results.command("analyser"));
        AnalyserTargets analyserTargets = new AnalyserTargets(results, runs);
        if (runs.size() <= 2) {
            analyserTargets.pending(targets);
            return;
        }
        perLine(out, runs);
        onJdk25(out, runs);
        analyserTargets.judge(targets);
    }

    private void describe(StringBuilder out) throws IOException {
        List<String> gen = results.lines("gen.txt");
        out.append("Input: `").append(results.command("gen")).append("` → ")
                .append(gen.isEmpty() ? "?" : gen.get(gen.size() - 1)).append(". ")
                .append("Peers: `wc -l` (the cost of reading the file), `bench/scripts/pair.awk` (pairs the lines by ")
                .append("id and sums what is left by type and site: what a user would write by hand; run by `")
                .append(results.command("awk-version", "awk")).append("`), and `leaks`. ")
                .append("Wall time by hyperfine (file in the page cache after the warm-up), peak RSS by ")
                .append("`/usr/bin/time -v`.\n\n");
    }

    private void peakRss(StringBuilder out) throws IOException {
        Markdown.head(out, "Command", "peak RSS (MB)", "exit");
        for (String name : RSS_NAMES) {
            List<String> rss = results.lines("rss-" + name + ".txt");
            List<String> exit = results.lines("exit-" + name + ".txt");
            String peak = "?";
            for (String line : rss) {
                if (line.contains("Maximum resident set size")) {
                    peak = fmt(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
            if (!rss.isEmpty() || !exit.isEmpty()) {
                Markdown.row(out, name, peak, exit.isEmpty() ? "?" : exit.get(0));
            }
        }
        out.append('\n');
    }

    /** The log twice as long: what its second half's lines cost, apart from the JVM's start and compiling. */
    private static void perLine(StringBuilder out, List<HyperfineRun> runs) {
        if (runs.size() <= 3) {
            return;
        }
        double wc = runs.get(0).median();
        double leaks = runs.get(2).median();
        double twice = runs.get(3).median();
        double secondHalf = twice - leaks;
        out.append(format("On the log twice as long `leaks` took %.2f s: the second half's lines cost %.2f s, "
                + "%.1f× `wc -l` on the same number of lines, and about %.2f s of the first run is the JVM's start "
                + "and the compiling, which a longer log pays only once.%n%n", twice, secondHalf, secondHalf / wc,
                Math.max(0, leaks - secondHalf)));
    }

    /** The side rows on JDK 25; the targets use the default java. */
    private void onJdk25(StringBuilder out, List<HyperfineRun> runs) {
        if (runs.size() <= 4) {
            return;
        }
        double wc = runs.get(0).median();
        double jdk25 = runs.get(4).median();
        out.append(format("On JDK 25 (`%s`) the same `leaks` took %.2f s, %.1f× `wc -l`",
                results.command("java25"), jdk25, jdk25 / wc));
        if (runs.size() > 5) {
            double aot = runs.get(5).median();
            out.append(format("; with an AOT cache from a training run on a log a tenth as long (`%s`), %.2f s, "
                    + "%.1f× `wc -l`", results.command("aot-training"), aot, aot / wc));
        }
        out.append(".\n\n");
    }
}

package dev.leaktrace.bench.report;

import java.io.IOException;

/**
 * {@code log: survivors} and {@code metrics:}: the rows of workload 2 under those settings, and
 * the growth of a survivors log; last, so that the earlier targets keep their numbers.
 */
final class SurvivorsSection implements Section {
    private final ResultsDir results;

    SurvivorsSection(ResultsDir results) {
        this.results = results;
    }

    @Override
    public void render(StringBuilder out, Targets targets) throws IOException {
        out.append("## 5. log: survivors and metrics:\n\n")
                .append("Workload 2's rows `leaktrace-survivors` (`log: survivors`: the objects are closed at once, ")
                .append("so they get no line, only counts), `leaktrace-survivors-metrics` (the same with `metrics:` ")
                .append("serving, nobody scraping) and `leaktrace-metrics` (`log: all` with `metrics:`) are in the ")
                .append("table of section 2. The log's growth at a steady million short-lived objects a second ")
                .append("(`OutputRateProbe`, no leak):\n\n");
        for (String line : results.lines("survivors-output.txt")) {
            out.append("    ").append(line).append('\n');
        }
        out.append('\n');
        Markdown.command(out, results.command("survivors-output"));
        new SurvivorsTargets(results).judge(targets);
    }
}

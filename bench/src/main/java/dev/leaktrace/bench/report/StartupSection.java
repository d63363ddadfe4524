package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.List;

/** Workload 3: a hello world's wall time with the agent, with an empty agent, and without. */
final class StartupSection implements Section {
    private final ResultsDir results;

    StartupSection(ResultsDir results) {
        this.results = results;
    }

    @Override
    public void render(StringBuilder out, Targets targets) throws IOException {
        out.append("## 3. Startup\n\n");
        out.append("`dev.leaktrace.bench.startup.Hello` (prints one line) with the 10-type config ")
                .append("`bench/configs/startup-10-types.yaml` (JDK classes that exist, application classes never ")
                .append("loaded, `*` and `**` patterns) vs no agent, whole-process wall time, hyperfine.\n\n");
        List<HyperfineRun> runs = results.hyperfine("startup.json");
        if (runs == null) {
            targets.missing("Startup, hello world + 10-type config", "≤ 150 ms added");
            return;
        }
        HyperfineTable.render(out, runs);
        Markdown.command(out, results.command("startup"));
        double none = runs.get(0).median();
        double agent = runs.get(1).median();
        double added = (agent - none) * 1000;
        String measured = format("+%.0f ms (%.0f vs %.0f ms)", added, agent * 1000, none * 1000);
        if (runs.size() > 2) {
            // The third command's agent does nothing: what the JVM charges for any -javaagent.
            double empty = runs.get(2).median();
            measured += format("; an agent that does nothing adds %.0f ms (the JVM's own cost of any -javaagent), "
                    + "leaktrace's premain %.0f ms more", (empty - none) * 1000, (agent - empty) * 1000);
            out.append(format("Split: the JVM charges %.0f ms for any `-javaagent` (third row: an empty premain in "
                    + "benchmarks.jar); leaktrace's own work before `main` adds %.0f ms.%n%n",
                    (empty - none) * 1000, (agent - empty) * 1000));
        }
        targets.judge("Startup, hello world + 10-type config (median wall time)", "≤ 150 ms added", measured,
                added <= 150);
    }
}

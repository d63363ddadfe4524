package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.List;

/**
 * Thread churn ({@code bench/scripts/threads.sh}, its {@code threads/threads.tsv}): virtual and
 * short-lived platform threads, each making and closing one traced object, with and without the
 * agent in alternation; the whole process's wall time and the workload's own time.
 */
final class ThreadChurnSection implements Section {
    static final String RESULTS = "threads/threads.tsv";
    private static final String GOAL = "≤ 2× without the agent";

    private final ResultsDir results;

    ThreadChurnSection(ResultsDir results) {
        this.results = results;
    }

    private static String figure(String kind, String what) {
        return format("Thread churn, %s threads, %s (agent vs none)", kind, what);
    }

    @Override
    public void render(StringBuilder out, Targets targets) throws IOException {
        out.append("## 8. Thread churn\n\n");
        TsvRuns table = TsvRuns.of(results.lines(RESULTS));
        List<String> kinds = List.of("virtual", "platform");
        if (table == null) {
            out.append("Not measured in this run (no `").append(RESULTS).append("`: it needs a Java 21+ for the ")
                    .append("virtual threads).\n\n");
            for (String kind : kinds) {
                targets.missing(figure(kind, "whole process"), GOAL);
            }
            targets.missing(figure("virtual", "workload"), GOAL);
            return;
        }
        out.append("`bench/.../threads/ThreadChurn`: each thread makes one traced object and closes it, every ")
                .append("hundredth is kept; 200,000 virtual threads from a thread-per-task executor, 100,000 platform ")
                .append("threads started and joined 8 at a time; `-Xmx512m`, the log to a file, its counts checked ")
                .append("after each run. Runs alternate without and with the agent. Java: ")
                .append(String.join("; ", results.lines("threads/java.txt"))).append(".\n\n");
        Markdown.head(out, "threads", "runs", "none: wall (ms)", "none: workload (ms)", "agent: wall (ms)",
                "agent: workload (ms)", "ratio: wall", "ratio: workload");
        for (String kind : kinds) {
            TsvRuns runs = table.where("kind", kind);
            if (runs.runs().isEmpty()) {
                continue;
            }
            double wall = runs.median("agent_wall_ms") / runs.median("none_wall_ms");
            double workload = runs.median("agent_workload_ms") / runs.median("none_workload_ms");
            Markdown.row(out, runs.cell(runs.runs().get(0), "threads") + " " + kind,
                    String.valueOf(runs.runs().size()), fmt(runs.median("none_wall_ms")),
                    fmt(runs.median("none_workload_ms")), fmt(runs.median("agent_wall_ms")),
                    fmt(runs.median("agent_workload_ms")), format("%.2f×", wall), format("%.2f×", workload));
            targets.judge(figure(kind, "whole process"), GOAL, format("%.2f× (%s vs %s ms, medians)", wall,
                    fmt(runs.median("agent_wall_ms")), fmt(runs.median("none_wall_ms"))), wall <= 2);
            if (kind.equals("virtual")) {
                targets.judge(figure(kind, "workload"), GOAL, format("%.2f× (%s vs %s ms, medians; the whole "
                        + "process also pays the agent's start)", workload, fmt(runs.median("agent_workload_ms")),
                        fmt(runs.median("none_workload_ms"))), workload <= 2);
            }
        }
        out.append('\n');
        Markdown.command(out, results.command("threads", "bench/scripts/threads.sh JAVA21+ 5"));
    }
}

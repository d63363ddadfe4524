package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Workload 1: untracked code with the agent loaded and without, and the A/A control. */
final class UntrackedSection implements Section {
    private final ResultsDir results;

    UntrackedSection(ResultsDir results) {
        this.results = results;
    }

    @Override
    public void render(StringBuilder out, Targets targets) {
        out.append("## 1. Untracked code\n\n");
        out.append("`UntrackedBench.untracked`: records, an `ArrayList`, a `HashMap`, megamorphic interface calls, ")
                .append("string building, an unconfigured `AutoCloseable` in try-with-resources, recursion; none of ")
                .append("its classes is configured. Agent config: `bench/configs/tracked.yaml` (only ")
                .append("`dev.leaktrace.bench.tracked.*`).\n\n");
        JmhRow none = results.jmh().find("untracked", "none", "-", 1);
        JmhRow agent = results.jmh().find("untracked", "leaktrace", "-", 1);
        JmhRow again = results.jmh().find("untracked", "none-again", "-", 1);
        table(out, none, agent, again);
        if (none == null || agent == null) {
            targets.missing("Untracked code, agent loaded vs none", "≤ 1% slower");
            return;
        }
        double slower = none.median() / agent.median() - 1;
        targets.judge("Untracked code, agent loaded vs none (throughput)", "≤ 1% slower",
                measured(none, agent, again, slower), slower <= 0.01);
        out.append("Command: `").append(results.command("jmh")).append("` (peers `untracked/none`, ")
                .append("`untracked/leaktrace` and `untracked/none-again`, the same as `none`: an A/A control that ")
                .append("shows how far identical peers land apart; ")
                .append(results.quick() ? "--quick: 1 fork × 2 × 1 s after 1 × 1 s warm-up).\n\n"
                        : "8 rounds in which the peers take turns, one fork each, 5 × 1 s after 3 × 1 s "
                                + "warm-up: 40 iterations per peer, so that the machine's drift over minutes falls "
                                + "on all).\n\n");
    }

    /** The verdict's figure: the slowdown, beside the JMH error and the A/A control's difference. */
    private static String measured(JmhRow none, JmhRow agent, JmhRow again, double slower) {
        double noise = Math.max(none.error() / none.score(), agent.error() / agent.score());
        String floor = again == null ? ""
                : format("; two identical no-agent peers: %+.1f%%", (none.median() / again.median() - 1) * 100);
        return format("%+.1f%% (%.0f vs %.0f ops/ms; JMH error ±%.0f%%%s%s)", slower * 100, agent.median(),
                none.median(), noise * 100, floor, noise > 0.01 ? ": 1% is below this machine's noise" : "");
    }

    private static void table(StringBuilder out, JmhRow... rows) {
        Markdown.head(out, "Peer", "median (ops/ms)", "JMH score ± error (99.9%)", "spread: min–max (quartiles)",
                "iterations");
        for (JmhRow r : rows) {
            if (r != null) {
                Markdown.row(out, r.peer(), fmt(r.median()), fmt(r.score()) + " ± " + fmt(r.error()), spread(r),
                        r.iterationsText().replace(",", ", "));
            }
        }
        out.append('\n');
    }

    /** "min–max (q1–q3)" of a row's iterations. */
    private static String spread(JmhRow r) {
        List<Double> v = new ArrayList<>(r.iterations());
        if (v.isEmpty()) {
            return "–";
        }
        Collections.sort(v);
        int n = v.size();
        return format("%.0f–%.0f (%.0f–%.0f)", v.get(0), v.get(n - 1), v.get(n / 4), v.get((3 * n) / 4));
    }
}

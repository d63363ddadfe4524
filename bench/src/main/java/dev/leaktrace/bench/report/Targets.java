package dev.leaktrace.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The performance targets in the order the sections judge them; each is numbered by its place,
 * as docs/performance.md numbers them.
 */
final class Targets {
    private final List<Target> targets = new ArrayList<>();

    void judge(String figure, String goal, String measured, boolean pass) {
        targets.add(new Target(figure, goal, measured, pass ? Verdict.PASS : Verdict.MISS));
    }

    void missing(String figure, String goal) {
        targets.add(new Target(figure, goal, "not measured", Verdict.MISSING));
    }

    void pending(String figure, String goal, String measured) {
        targets.add(new Target(figure, goal, measured, Verdict.PENDING));
    }

    void renderTable(StringBuilder out) {
        out.append("## Targets\n\n");
        Markdown.head(out, "#", "Figure", "Target", "Measured", "Verdict");
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            Markdown.row(out, Integer.toString(i + 1), t.figure(), t.goal(), t.measured(), t.verdict().cell);
        }
        out.append('\n');
    }

    /** The targets this run missed or could not time, with a pointer to what limits them. */
    void renderMisses(StringBuilder out) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t.verdict() == Verdict.MISS || t.verdict() == Verdict.PENDING) {
                list.append("- **#").append(i + 1).append(' ').append(t.figure()).append("**: ")
                        .append(t.measured()).append('\n');
            }
        }
        if (list.length() == 0) {
            return;
        }
        out.append("## Misses\n\n")
                .append("What limits each target on this kind of machine, the experiments kept and dropped, and ")
                .append("the next ideas: [docs/performance.md](docs/performance.md).\n\n")
                .append(list).append('\n');
    }
}

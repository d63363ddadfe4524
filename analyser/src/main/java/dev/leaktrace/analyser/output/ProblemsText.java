package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.ProblemKind;
import dev.leaktrace.analyser.result.Problems;

/** The summary of bad input printed to stderr after an analysis: the first few, then a count. */
public final class ProblemsText {
    private ProblemsText() {
    }

    /** Empty when there were no problems. */
    public static String of(Problems problems) {
        StringBuilder out = new StringBuilder();
        for (ProblemKind kind : ProblemKind.values()) {
            long count = problems.count(kind);
            if (count == 0) {
                continue;
            }
            out.append("leaktrace: warning: ").append(kind.counted(count)).append("; ")
                    .append(kind.consequence()).append(":\n");
            for (String message : problems.firstMessages(kind)) {
                out.append("  ").append(message).append('\n');
            }
            long more = count - problems.firstMessages(kind).size();
            if (more > 0) {
                out.append("  ... and ").append(more).append(" more\n");
            }
        }
        if (out.length() > 0) {
            out.append("leaktrace: the results above skip these lines; use --strict to make bad input fatal.\n");
        }
        return out.toString();
    }
}

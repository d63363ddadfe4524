package dev.leaktrace.cli;

import dev.leaktrace.analyser.budget.Budget;
import dev.leaktrace.analyser.budget.ExpectedLeak;
import dev.leaktrace.analyser.output.Counted;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import java.util.LinkedHashSet;
import java.util.Set;

/** The leaked objects a budget file's {@code expected:} list names: alive at exit on purpose, so not leaks. */
record ExpectedLeaks(long count, long bytes, Set<String> entries) {

    static ExpectedLeaks of(Budget budget, Analysis analysis) {
        long count = 0;
        long bytes = 0;
        Set<String> entries = new LinkedHashSet<>();
        if (budget != null) {
            for (LeakGroup group : analysis.groups()) {
                ExpectedLeak entry = budget.expecting(group);
                if (entry != null) {
                    count += group.count();
                    bytes += group.bytes();
                    entries.add(entry.type() + (entry.site() == null ? "" : " at " + entry.site())
                            + " (" + budget.file() + ":" + entry.line() + ")");
                }
            }
        }
        return new ExpectedLeaks(count, bytes, entries);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** For standard error: how many, and which entries expected them. */
    String describe() {
        return Counted.of(count, "object") + " alive at the end " + (count == 1 ? "is" : "are")
                + " expected, kept for the whole run: " + String.join(", ", entries);
    }
}

package dev.leaktrace.analyser.budget;

import dev.leaktrace.analyser.result.LeakGroup;
import java.util.List;

/**
 * Allowed leaks, read from a YAML budget file by {@link BudgetParser}.
 *
 * @param fallback applies to each leaked type that no rule names; null means such types are not limited
 * @param expected objects meant to live for the whole run: neither a breach nor a leak for {@code --fail-on-leak}
 */
public record Budget(String file, List<BudgetRule> rules, BudgetRule fallback, List<ExpectedLeak> expected) {

    /** The entry of {@link #expected} that covers {@code group}, or null. */
    public ExpectedLeak expecting(LeakGroup group) {
        for (ExpectedLeak entry : expected) {
            if (entry.type().equals(group.type()) && (entry.site() == null || entry.site().equals(group.site()))) {
                return entry;
            }
        }
        return null;
    }
}

package dev.leaktrace.analyser.budget;

import java.util.List;

/**
 * Allowed leaks, read from a YAML budget file by {@link BudgetParser}.
 *
 * @param fallback applies to each leaked type that no rule names; null means such types are not limited
 */
public record Budget(String file, List<BudgetRule> rules, BudgetRule fallback) {
}

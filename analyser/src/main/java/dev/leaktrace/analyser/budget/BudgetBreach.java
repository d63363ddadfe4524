package dev.leaktrace.analyser.budget;

import dev.leaktrace.analyser.result.Amount;

/** One budget limit that the leaks exceeded; {@link #message()} is ready to print. */
public record BudgetBreach(BudgetRule rule, String subject, Amount leaked, String message) {
}

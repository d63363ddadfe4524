package dev.leaktrace.analyser;

/** One budget limit that the leaks exceeded; {@link #message()} is ready to print. */
public record BudgetBreach(BudgetRule rule, String subject, Amount leaked, String message) {
}

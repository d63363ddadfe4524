package dev.leaktrace.analyser.budget;

/**
 * One entry of a budget file: the leaks allowed for a type, or for a type at one site.
 *
 * @param site null for the whole type
 * @param maxCount null when the count is not limited
 * @param maxBytes null when the bytes are not limited
 * @param line where the entry starts in the budget file, for messages
 */
public record BudgetRule(String type, String site, Long maxCount, Long maxBytes, int line) {
}

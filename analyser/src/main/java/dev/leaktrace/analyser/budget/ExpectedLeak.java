package dev.leaktrace.analyser.budget;

/**
 * An entry of a budget file's {@code expected:} list: objects of a type (at one site, or any) that
 * the program keeps for its whole run on purpose, such as a cache or a set-up structure.
 *
 * @param site null for every site of the type
 * @param line where the entry starts in the budget file, for messages
 */
public record ExpectedLeak(String type, String site, int line) {
}

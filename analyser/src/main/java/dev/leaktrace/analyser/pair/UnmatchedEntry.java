package dev.leaktrace.analyser.pair;

/**
 * The agent's trailer line for a config entry that matched no class the JVM loaded:
 * {@code # leaktrace unmatched entry=FILE:LINE class=PATTERN[ suggestion=NAME]}. A '#' line, so
 * tools that know only the event lines skip it.
 */
final class UnmatchedEntry {
    private static final String PREFIX = "# leaktrace unmatched ";

    private UnmatchedEntry() {
    }

    /** What follows the prefix, or null when the line is another header line. */
    static String of(String line) {
        String text = line.strip();
        return text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : null;
    }
}

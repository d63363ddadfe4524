package dev.leaktrace.it.reliability;

import java.util.List;
import java.util.regex.Pattern;

/** The shape every line of the agent's log must have. */
final class Lines {
    private static final Pattern EVENT = Pattern.compile(
            "@ALLOCATE \\S+ \\d+ \\S+:\\d+ [1-9]\\d*|@(DROP|GC) \\S+ \\d+ [1-9]\\d*");

    private Lines() {
    }

    static boolean wellFormed(String line) {
        return line.startsWith("#") || EVENT.matcher(line).matches();
    }

    /** The lines that are not well-formed, at most five, for an assertion message. */
    static List<String> torn(List<String> lines) {
        return lines.stream().filter(l -> !wellFormed(l)).limit(5).toList();
    }
}

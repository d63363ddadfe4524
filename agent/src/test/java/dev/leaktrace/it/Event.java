package dev.leaktrace.it;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One @ALLOCATE, @DROP or @GC line of the agent's log, parsed; and the shape every line of the log
 * must have.
 */
public record Event(String kind, String type, long size, String site, long id) {
    private static final Pattern WHOLE_EVENT = Pattern.compile(
            "@ALLOCATE \\S+ \\d+ \\S+:\\d+ [1-9]\\d*|@(DROP|GC) \\S+ \\d+ [1-9]\\d*|@COUNTS \\S+ \\S+:\\d+( \\d+){6}"
                    + "|@LIBRARY [1-9]\\d* \\S+:\\d+|@TIME \\d+");

    /** The fields of an event line; site is null but for ALLOCATE. */
    public static Event parse(String line) {
        String[] f = line.split(" ", -1);
        switch (f[0]) {
            case "@ALLOCATE":
                if (f.length != 5) {
                    throw new AssertionError("malformed line: " + line);
                }
                return new Event("ALLOCATE", f[1], Long.parseLong(f[2]), f[3], Long.parseLong(f[4]));
            case "@DROP":
            case "@GC":
                if (f.length != 4) {
                    throw new AssertionError("malformed line: " + line);
                }
                return new Event(f[0].substring(1), f[1], Long.parseLong(f[2]), null, Long.parseLong(f[3]));
            default:
                throw new AssertionError("not an event line: " + line);
        }
    }

    /** Whether the line is an @ALLOCATE, @DROP or @GC line (not a @STACK or @COUNTS line). */
    public static boolean isEvent(String line) {
        return line.startsWith("@ALLOCATE ") || line.startsWith("@DROP ") || line.startsWith("@GC ");
    }

    /** A header line, an event line with all its fields and a positive id, or a @COUNTS line. */
    public static boolean wellFormed(String line) {
        return line.startsWith("#") || WHOLE_EVENT.matcher(line).matches();
    }

    /** The lines that are not well-formed, at most five, for an assertion message. */
    public static List<String> torn(List<String> lines) {
        return lines.stream().filter(l -> !wellFormed(l)).limit(5).toList();
    }
}

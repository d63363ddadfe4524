package dev.leaktrace.it;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * What every log must be, whatever was traced: each line well-formed, ids unique,
 * each @DROP or @GC after the @ALLOCATE of its id, and each object ended at most once.
 */
public final class LogConsistency {
    private LogConsistency() {
    }

    /** The problems found, at most ten; empty for a consistent log. */
    public static List<String> problems(String log) {
        List<String> problems = new ArrayList<>();
        Set<Long> allocated = new HashSet<>();
        Set<Long> ended = new HashSet<>();
        for (String line : (Iterable<String>) log.lines()::iterator) {
            if (problems.size() >= 10) {
                break;
            }
            if (!Event.wellFormed(line)) {
                problems.add("not well-formed: " + line);
                continue;
            }
            if (!line.startsWith("@ALLOCATE ") && !line.startsWith("@DROP ") && !line.startsWith("@GC ")) {
                continue; // headers and the lines that annotate an event (@STACK, @LIBRARY, ...)
            }
            Event e = Event.parse(line);
            if (e.kind().equals("ALLOCATE")) {
                if (!allocated.add(e.id())) {
                    problems.add("id allocated twice: " + line);
                }
            } else if (!allocated.contains(e.id())) {
                problems.add("ended without an allocation before it: " + line);
            } else if (!ended.add(e.id())) {
                problems.add("ended twice: " + line);
            }
        }
        return problems;
    }

    /** The log's event lines counted by kind and type, as {@code "ALLOCATE TYPE"} → count. */
    public static Map<String, Long> kindsAndTypes(String log) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : (Iterable<String>) log.lines()::iterator) {
            if (Event.isEvent(line)) {
                Event e = Event.parse(line);
                counts.merge(e.kind() + " " + e.type(), 1L, Long::sum);
            }
        }
        return counts;
    }
}

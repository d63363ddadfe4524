package dev.leaktrace.analyser.result;

/**
 * One log file, the JVM that wrote it (from the agent's header; null or 0 when it has none) and
 * its own totals, so that logs of many JVMs can be told apart and added up.
 *
 * @param survivors whether it is a survivors log ({@code log: survivors}): its totals are the
 *     counts; its lines are those of objects that lived past {@code survivorAgeMillis}
 * @param unmatchedEntries the config entries that matched no class, as the agent's trailer says
 *     them ({@code entry=FILE:LINE class=PATTERN[ suggestion=NAME]})
 */
public record LogSource(String file, String host, long pid, boolean survivors, long survivorAgeMillis,
                        long allocations, long drops, long collectedWithoutDrop, long leakedCount, long leakedBytes,
                        java.util.List<String> unmatchedEntries) {
    /** {@code host/pid}, or the file's name when the log has no header. */
    public String jvm() {
        return host == null && pid == 0 ? file : (host == null ? "?" : host) + "/" + pid;
    }
}

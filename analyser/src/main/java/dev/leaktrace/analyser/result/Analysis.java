package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * The result of analysing one or more logs.
 *
 * @param drops @DROP lines that matched a live allocation
 * @param collectedWithoutDrop @GC lines that matched a live allocation: freed, but never dropped
 * @param groups leaked objects by type and site, largest bytes first
 * @param collected objects collected without a drop, by type and site, largest bytes first
 * @param otherEvents lines with an upper-case @-token we do not know
 * @param stackLines @STACK lines that matched a live allocation
 * @param stacks all leaked bytes split by allocating call stack (and type and site), largest first;
 *     the objects of a site without a @STACK line form one entry without frames
 * @param counts the @COUNTS of survivors logs by type and site, most allocations first; empty for other logs
 * @param sources each file, its JVM and its own totals, in the order read
 * @param collectedStacks the bytes collected without a drop, by allocating call stack (and type
 *     and site), largest first; only objects that have a @STACK line
 * @param reachable objects dropped but still strongly reachable in a heap dump, by type and site,
 *     each with its holders; count and bytes are the objects and what releasing them would free
 */
public record Analysis(
        List<String> files,
        long allocations,
        long drops,
        long collectedWithoutDrop,
        long leakedCount,
        long leakedBytes,
        List<LeakGroup> groups,
        List<LeakGroup> collected,
        long otherEvents,
        Problems problems,
        List<Timeline> timelines,
        long stackLines,
        List<LeakStack> stacks,
        List<SiteCount> counts,
        List<LogSource> sources,
        List<LeakStack> collectedStacks,
        List<LeakGroup> reachable) {

    public Analysis(List<String> files, long allocations, long drops, long collectedWithoutDrop, long leakedCount,
                    long leakedBytes, List<LeakGroup> groups, List<LeakGroup> collected, long otherEvents,
                    Problems problems, List<Timeline> timelines, long stackLines, List<LeakStack> stacks,
                    List<SiteCount> counts, List<LogSource> sources) {
        this(files, allocations, drops, collectedWithoutDrop, leakedCount, leakedBytes, groups, collected, otherEvents,
                problems, timelines, stackLines, stacks, counts, sources, List.of(), List.of());
    }

    /** Whether any file is a survivors log, whose short-lived objects are only counted. */
    public boolean hasSurvivorsLog() {
        for (LogSource source : sources) {
            if (source.survivors()) {
                return true;
            }
        }
        return false;
    }

    /** Whether any leaked object has a recorded call stack. */
    public boolean hasLeakedStacks() {
        return stacks.stream().anyMatch(LeakStack::hasStack);
    }
}

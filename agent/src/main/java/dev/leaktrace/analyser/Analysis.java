package dev.leaktrace.analyser;

import java.util.List;

/**
 * The result of analysing one or more logs.
 *
 * @param drops @DROP lines that matched a live allocation
 * @param collectedWithoutDrop @GC lines that matched a live allocation: freed, but never dropped
 * @param groups leaked objects by type and site, largest bytes first
 * @param collected objects collected without a drop, by type and site, largest bytes first
 * @param otherEvents lines with an @-token we do not pair, such as @STACK
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
        List<Timeline> timelines) {
}

package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * Objects of one type allocated at one site that were never dropped.
 *
 * @param ids a few example ids, earliest allocated first
 * @param trend how the group's live count moved; null for groups collected by the GC
 * @param librarySites the lines in library code that ran their {@code new} (@LIBRARY lines), the
 *     first few of the group's objects, in order seen; empty when the site itself ran it
 * @param heap what a heap dump said of the group (leaktrace's {@code paths}); null without one
 */
public record LeakGroup(String type, String site, long count, long bytes, List<Long> ids, Trend trend,
                        List<String> librarySites, HeapFindings heap) {
    public LeakGroup(String type, String site, long count, long bytes, List<Long> ids, Trend trend) {
        this(type, site, count, bytes, ids, trend, List.of(), null);
    }

    public LeakGroup(String type, String site, long count, long bytes, List<Long> ids, Trend trend,
                     List<String> librarySites) {
        this(type, site, count, bytes, ids, trend, librarySites, null);
    }
}

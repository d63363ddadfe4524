package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * Objects of one type allocated at one site that were never dropped.
 *
 * @param ids a few example ids, earliest allocated first
 * @param trend how the group's live count moved; null for groups collected by the GC
 * @param librarySites the lines in library code that ran their {@code new} (@LIBRARY lines), the
 *     first few of the group's objects, in order seen; empty when the site itself ran it
 */
public record LeakGroup(String type, String site, long count, long bytes, List<Long> ids, Trend trend,
                        List<String> librarySites) {
    public LeakGroup(String type, String site, long count, long bytes, List<Long> ids, Trend trend) {
        this(type, site, count, bytes, ids, trend, List.of());
    }
}

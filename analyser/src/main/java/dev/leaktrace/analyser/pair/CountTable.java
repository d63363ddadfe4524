package dev.leaktrace.analyser.pair;

import dev.leaktrace.analyser.parse.ByteInterner;
import dev.leaktrace.analyser.parse.EventLine;
import dev.leaktrace.analyser.result.Saturating;
import dev.leaktrace.analyser.result.SiteCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The @COUNTS of the files read: in a file the last line of a type and site holds (each is a
 * running total); the files' totals are added up.
 */
final class CountTable {
    private final ByteInterner types;
    private final ByteInterner sites;
    /** By {@code type << 32 | site}: this file's latest counts. */
    private final Map<Long, long[]> file = new HashMap<>();
    private final Map<Long, long[]> all = new LinkedHashMap<>();

    CountTable(ByteInterner types, ByteInterner sites) {
        this.types = types;
        this.sites = sites;
    }

    void put(int type, int site, long[] counts) {
        file.put((long) type << 32 | site, counts.clone());
    }

    boolean fileHasCounts() {
        return !file.isEmpty();
    }

    /** Adds this file's counts to the totals and returns their sums over its types and sites. */
    long[] endFile() {
        long[] sums = new long[EventLine.COUNTS_FIELDS];
        for (Map.Entry<Long, long[]> entry : file.entrySet()) {
            long[] total = all.get(entry.getKey());
            if (total == null) {
                total = new long[EventLine.COUNTS_FIELDS];
                all.put(entry.getKey(), total);
            }
            long[] counts = entry.getValue();
            for (int i = 0; i < counts.length; i++) {
                total[i] = Saturating.add(total[i], counts[i]);
                sums[i] = Saturating.add(sums[i], counts[i]);
            }
        }
        file.clear();
        return sums;
    }

    /** Every type and site counted, most allocations first. */
    List<SiteCount> rows() {
        List<SiteCount> rows = new ArrayList<>(all.size());
        for (Map.Entry<Long, long[]> entry : all.entrySet()) {
            long[] c = entry.getValue();
            rows.add(new SiteCount(types.name((int) (entry.getKey() >>> 32)), sites.name((int) (long) entry.getKey()),
                    c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        rows.sort(new MostAllocatedFirst());
        return List.copyOf(rows);
    }

    /** A class, not a lambda: the path of leaks has none (docs/performance.md). */
    private static final class MostAllocatedFirst implements java.util.Comparator<SiteCount> {
        @Override
        public int compare(SiteCount a, SiteCount b) {
            int order = Long.compare(b.allocated(), a.allocated());
            if (order == 0) {
                order = a.type().compareTo(b.type());
            }
            return order != 0 ? order : a.site().compareTo(b.site());
        }
    }
}

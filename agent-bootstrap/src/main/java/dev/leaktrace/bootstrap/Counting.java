package dev.leaktrace.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts per type and site of every traced object: each thread counts in its own
 * {@link ThreadCounts}, so threads never meet on a counter; {@link #totals} sums them. Tables of
 * threads that ended are folded into one retired table, so thread churn does not grow the list.
 */
final class Counting {
    private final CopyOnWriteArrayList<ThreadCounts> tables = new CopyOnWriteArrayList<>();
    /** By "type site": the counts of threads that ended. Guarded by this. */
    private final Map<String, SiteTotals> retired = new LinkedHashMap<>();

    ThreadCounts of(ThreadState thread) {
        ThreadCounts counts = thread.counts;
        if (counts == null) {
            counts = new ThreadCounts(thread.owner); // a lent state's: no owner, never retired
            tables.add(counts);
            thread.counts = counts;
        }
        return counts;
    }

    /** The totals per type and site, in the order first seen. */
    synchronized List<SiteTotals> totals() {
        VirtualStates.settle();
        for (ThreadCounts table : tables) {
            // After the thread ended its counts are final (and seen: it is detected as ended).
            if (table.ownerEnded()) {
                addTo(retired, table);
                tables.remove(table);
            }
        }
        Map<String, SiteTotals> sum = new LinkedHashMap<>();
        for (SiteTotals row : retired.values()) {
            sum.put(key(row.typeToken, row.siteToken), new SiteTotals(row.typeToken, row.siteToken, row.values.clone()));
        }
        for (ThreadCounts table : tables) {
            addTo(sum, table);
        }
        return new ArrayList<>(sum.values());
    }

    private static void addTo(Map<String, SiteTotals> sum, ThreadCounts table) {
        for (CountCell cell : table.cells()) {
            String key = key(cell.type.nameBytes, cell.site);
            SiteTotals row = sum.get(key);
            if (row == null) {
                row = new SiteTotals(cell.type.nameBytes, cell.site, new long[SiteTotals.FIELDS]);
                sum.put(key, row);
            }
            long[] v = row.values;
            v[SiteTotals.ALLOCATED] += cell.allocated;
            v[SiteTotals.ALLOCATED_BYTES] += cell.allocatedBytes;
            v[SiteTotals.DROPPED] += cell.dropped;
            v[SiteTotals.DROPPED_BYTES] += cell.droppedBytes;
            v[SiteTotals.COLLECTED] += cell.collected;
            v[SiteTotals.COLLECTED_BYTES] += cell.collectedBytes;
        }
    }

    /** Tokens never hold a space, so one joins them unambiguously. */
    private static String key(byte[] type, byte[] site) {
        return new String(type, StandardCharsets.UTF_8) + " " + new String(site, StandardCharsets.UTF_8);
    }
}

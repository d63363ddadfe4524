package dev.leaktrace.analyser.pair;

import dev.leaktrace.analyser.result.Saturating;
import java.util.Arrays;

/**
 * The (type, site) groups seen so far, numbered densely, with their counters.
 *
 * <p>{@link #live} is the per-file live count the trend sampler reads; the leaked and collected
 * totals accumulate over all files.
 */
final class GroupTable {
    static final int EXAMPLE_IDS = 5;

    private int[] slots = new int[256]; // group + 1; 0 = empty
    int[] typeOf = new int[64];
    int[] siteOf = new int[64];
    int[] live = new int[64];
    long[] leakedCount = new long[64];
    long[] leakedBytes = new long[64];
    long[] collectedCount = new long[64];
    long[] collectedBytes = new long[64];
    long[][] leakedIds = new long[64][];
    long[][] collectedIds = new long[64][];
    private int size;

    int size() {
        return size;
    }

    /** The group of {@code (type, site)}, created on first sight. */
    int of(int type, int site) {
        int mask = slots.length - 1;
        int slot = hash(type, site) & mask;
        while (true) {
            int group = slots[slot] - 1;
            if (group < 0) {
                return add(type, site, slot);
            }
            if (typeOf[group] == type && siteOf[group] == site) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    void addCollected(int group, long id, long bytes) {
        collectedCount[group]++;
        collectedBytes[group] = Saturating.add(collectedBytes[group], bytes);
        collectedIds[group] = withSmallest(collectedIds[group], id);
    }

    void addLeaked(int group, long bytes) {
        leakedCount[group]++;
        leakedBytes[group] = Saturating.add(leakedBytes[group], bytes);
    }

    void addLeakedExample(int group, long id) {
        leakedIds[group] = withExample(leakedIds[group], id);
    }

    static long[] examples(long[] ids) {
        return ids == null ? new long[0] : ids;
    }

    private static long[] withExample(long[] ids, long id) {
        if (ids == null) {
            return new long[] {id};
        }
        if (ids.length >= EXAMPLE_IDS) {
            return ids;
        }
        long[] more = Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = id;
        return more;
    }

    /**
     * Keeps the smallest ids, ascending: collections come in the collector's order, and the earliest
     * allocated are the examples a reader looks for first.
     */
    private static long[] withSmallest(long[] ids, long id) {
        if (ids == null) {
            return new long[] {id};
        }
        if (ids.length >= EXAMPLE_IDS && id >= ids[ids.length - 1]) {
            return ids;
        }
        long[] more = ids.length >= EXAMPLE_IDS ? ids : Arrays.copyOf(ids, ids.length + 1);
        int at = more.length - 1;
        while (at > 0 && more[at - 1] > id) {
            more[at] = more[at - 1];
            at--;
        }
        more[at] = id;
        return more;
    }

    private int add(int type, int site, int slot) {
        if (size == typeOf.length) {
            int n = size * 2;
            typeOf = Arrays.copyOf(typeOf, n);
            siteOf = Arrays.copyOf(siteOf, n);
            live = Arrays.copyOf(live, n);
            leakedCount = Arrays.copyOf(leakedCount, n);
            leakedBytes = Arrays.copyOf(leakedBytes, n);
            collectedCount = Arrays.copyOf(collectedCount, n);
            collectedBytes = Arrays.copyOf(collectedBytes, n);
            leakedIds = Arrays.copyOf(leakedIds, n);
            collectedIds = Arrays.copyOf(collectedIds, n);
        }
        int group = size++;
        typeOf[group] = type;
        siteOf[group] = site;
        slots[slot] = group + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return group;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int group = 0; group < size; group++) {
            int slot = hash(typeOf[group], siteOf[group]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = group + 1;
        }
        slots = bigger;
    }

    private static int hash(int type, int site) {
        int h = type * 0x9E3779B1 + site * 0x85EBCA77;
        return h ^ (h >>> 15);
    }
}

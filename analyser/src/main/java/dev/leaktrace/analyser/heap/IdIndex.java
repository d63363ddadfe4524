package dev.leaktrace.analyser.heap;

/**
 * Object ids to their numbers: open-addressing tables of numbers whose ids are compared in the id
 * array itself, so that it costs 4 to 8 bytes an object and no object per entry. Two tables, by
 * one bit of the hash, built by two threads at once (the analysis runs on machines of 2 cores).
 */
final class IdIndex {
    private final long[] ids;
    /** Object number + 1, or 0 for a free slot; per table. */
    private final int[][] tables = new int[2][];
    private final int mask;

    /** Indexes {@code ids[0..count)}; an id that occurs twice keeps its first number. */
    IdIndex(long[] ids, int count) {
        this.ids = ids;
        // Each table holds about half the ids, at a load of at most one half; never all of its slots.
        int capacity = Integer.highestOneBit(Math.max(4, count)) << 1;
        mask = capacity - 1;
        tables[0] = new int[capacity];
        tables[1] = new int[capacity];
        Thread other = new Thread(() -> fill(1, count), "leaktrace-id-index");
        other.start();
        fill(0, count);
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing the heap dump", e);
        }
    }

    private void fill(int part, int count) {
        int[] table = tables[part];
        for (int n = 0; n < count; n++) {
            long id = ids[n];
            int hash = hash(id);
            if (hash >>> 31 != part) {
                continue;
            }
            int slot = hash & mask;
            while (table[slot] != 0 && ids[table[slot] - 1] != id) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == 0) {
                table[slot] = n + 1;
            }
        }
    }

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The number of the object with this id, or -1 when the dump has none. */
    int of(long id) {
        int hash = hash(id);
        int[] table = tables[hash >>> 31];
        int slot = hash & mask;
        for (int n; (n = table[slot]) != 0; slot = (slot + 1) & mask) {
            if (ids[n - 1] == id) {
                return n - 1;
            }
        }
        return -1;
    }
}

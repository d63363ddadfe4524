package dev.leaktrace.analyser.heap;

/**
 * Object ids to their numbers: an open-addressing table of numbers whose ids are compared in the
 * id array itself, so that it costs 4 to 8 bytes an object and no object per entry.
 */
final class IdIndex {
    private final long[] ids;
    /** Object number + 1, or 0 for a free slot. */
    private final int[] table;
    private final int mask;

    /** Indexes {@code ids[0..count)}; an id that occurs twice keeps its first number. */
    IdIndex(long[] ids, int count) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1; // load at most one half
        table = new int[capacity];
        mask = capacity - 1;
        for (int n = 0; n < count; n++) {
            long id = ids[n];
            int slot = slot(id);
            while (table[slot] != 0 && ids[table[slot] - 1] != id) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == 0) {
                table[slot] = n + 1;
            }
        }
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The number of the object with this id, or -1 when the dump has none. */
    int of(long id) {
        int slot = slot(id);
        for (int n; (n = table[slot]) != 0; slot = (slot + 1) & mask) {
            if (ids[n - 1] == id) {
                return n - 1;
            }
        }
        return -1;
    }
}

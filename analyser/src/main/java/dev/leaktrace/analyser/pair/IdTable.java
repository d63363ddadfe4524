package dev.leaktrace.analyser.pair;

import java.util.Arrays;

/**
 * An open-addressing map from a primitive long id to a compact record (group index, size, event
 * ordinal), without a boxed Long or an entry object per id; one generation of {@link LiveObjects}.
 * Id 0 marks an empty slot, which is safe because ids are positive.
 *
 * <p>A slot's four fields sit side by side in one array (32 bytes, half a cache line) rather than
 * in one array each, so that reading a slot's id, group and size costs one cache miss, not three.
 */
final class IdTable {
    /** Longs per slot, and their offsets in it. */
    private static final int STRIDE = 4;
    private static final int ID = 0;
    private static final int SIZE = 1;
    private static final int ORDINAL = 2;
    private static final int GROUP = 3;

    private long[] table;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    private final int minCapacity;

    /** @param minCapacity a power of two; the table starts, and after {@link #clear} restarts, at this size */
    IdTable(int minCapacity) {
        this.minCapacity = minCapacity;
        allocate(minCapacity);
    }

    int size() {
        return size;
    }

    /** The slot holding {@code id}, or -1. Slots stay valid until the next put or remove. */
    int find(long id) {
        int slot = home(id);
        while (true) {
            long here = table[slot * STRIDE + ID];
            if (here == id) {
                return slot;
            }
            if (here == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds {@code id}, which must not be present; the table grows when it is 60% full. */
    void put(long id, int group, long size, long ordinal) {
        if (this.size >= resizeAt) {
            grow();
        }
        int slot = home(id);
        while (table[slot * STRIDE + ID] != 0) {
            slot = (slot + 1) & mask;
        }
        int at = slot * STRIDE;
        table[at + ID] = id;
        table[at + SIZE] = size;
        table[at + ORDINAL] = ordinal;
        table[at + GROUP] = group;
        this.size++;
    }

    /** Removes the entry in {@code slot}, shifting later entries back so lookups need no tombstones. */
    void removeAt(int slot) {
        int hole = slot;
        int next = (slot + 1) & mask;
        long id;
        while ((id = table[next * STRIDE + ID]) != 0) {
            int wanted = home(id);
            if (((next - wanted) & mask) >= ((next - hole) & mask)) {
                System.arraycopy(table, next * STRIDE, table, hole * STRIDE, STRIDE);
                hole = next;
            }
            next = (next + 1) & mask;
        }
        table[hole * STRIDE + ID] = 0;
        size--;
    }

    int capacity() {
        return table.length / STRIDE;
    }

    /** The id in {@code slot}, or 0 if the slot is empty; for iterating all slots. */
    long idAt(int slot) {
        return table[slot * STRIDE + ID];
    }

    int groupAt(int slot) {
        return (int) table[slot * STRIDE + GROUP];
    }

    long sizeAt(int slot) {
        return table[slot * STRIDE + SIZE];
    }

    long ordinalAt(int slot) {
        return table[slot * STRIDE + ORDINAL];
    }

    /** Empties the map, giving back the memory of a large previous file. */
    void clear() {
        if (capacity() == minCapacity) {
            Arrays.fill(table, 0);
            size = 0;
        } else {
            allocate(minCapacity);
        }
    }

    private int home(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void allocate(int capacity) {
        table = new long[capacity * STRIDE];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = (int) (capacity * 0.6);
        size = 0;
    }

    private void grow() {
        long[] old = table;
        allocate(capacity() * 2);
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + ID] != 0) {
                put(old[at + ID], (int) old[at + GROUP], old[at + SIZE], old[at + ORDINAL]);
            }
        }
    }
}

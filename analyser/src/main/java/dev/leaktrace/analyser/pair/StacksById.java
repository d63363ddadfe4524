package dev.leaktrace.analyser.pair;

/**
 * The recorded call stack (an interned stack number) of each live object that has one: an
 * open-addressing map from a primitive long id to an int.
 *
 * <p>Kept apart from {@link LiveObjects} because only a few objects per site have a stack: a log
 * without @STACK lines never touches it beyond an {@link #isEmpty} check per release, and the live
 * map stays as small as it was. Id 0 marks an empty slot, which is safe because ids are positive.
 */
final class StacksById {
    private static final int MIN_CAPACITY = 64;

    private long[] ids;
    private int[] stacks;
    private int mask;
    private int shift;
    private int size;

    StacksById() {
        allocate(MIN_CAPACITY);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Sets the stack of {@code id}, replacing an earlier one. */
    void put(long id, int stack) {
        if (size >= (int) (ids.length * 0.6)) {
            grow();
        }
        int slot = home(id);
        while (ids[slot] != 0 && ids[slot] != id) {
            slot = (slot + 1) & mask;
        }
        if (ids[slot] == 0) {
            ids[slot] = id;
            size++;
        }
        stacks[slot] = stack;
    }

    /** The stack of {@code id}, or -1 when it has none. */
    int get(long id) {
        int slot = home(id);
        while (ids[slot] != id) {
            if (ids[slot] == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        return stacks[slot];
    }

    /** Forgets {@code id}, if present, shifting later entries back so lookups need no tombstones. */
    void remove(long id) {
        int slot = home(id);
        while (ids[slot] != id) {
            if (ids[slot] == 0) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        int hole = slot;
        int next = (slot + 1) & mask;
        while (ids[next] != 0) {
            int wanted = home(ids[next]);
            if (((next - wanted) & mask) >= ((next - hole) & mask)) {
                ids[hole] = ids[next];
                stacks[hole] = stacks[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        ids[hole] = 0;
        size--;
    }

    int capacity() {
        return ids.length;
    }

    /** The id in {@code slot}, or 0 if the slot is empty; for iterating all slots. */
    long idAt(int slot) {
        return ids[slot];
    }

    int stackAt(int slot) {
        return stacks[slot];
    }

    void clear() {
        allocate(MIN_CAPACITY);
    }

    private int home(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void allocate(int capacity) {
        ids = new long[capacity];
        stacks = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    private void grow() {
        long[] oldIds = ids;
        int[] oldStacks = stacks;
        allocate(oldIds.length * 2);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != 0) {
                put(oldIds[i], oldStacks[i]);
            }
        }
    }
}

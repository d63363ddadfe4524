package dev.leaktrace.analyser;

/**
 * The objects allocated and not yet dropped, keyed by id: an open-addressing map from a primitive
 * long to a compact record (group index, size, event ordinal) held in parallel arrays.
 *
 * <p>This is what bounds the analyser's memory by the objects alive rather than the log length, so
 * it avoids a boxed Long and an entry object per allocation. Id 0 marks an empty slot, which is
 * safe because ids are positive.
 */
final class LiveObjects {
    private static final int MIN_CAPACITY = 1024;

    private long[] ids;
    private int[] groups;
    private long[] sizes;
    private long[] ordinals;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    LiveObjects() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** The slot holding {@code id}, or -1. Slots stay valid until the next put or remove. */
    int find(long id) {
        int slot = home(id);
        while (true) {
            long here = ids[slot];
            if (here == id) {
                return slot;
            }
            if (here == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds {@code id}, which must not be present. */
    void put(long id, int group, long size, long ordinal) {
        if (this.size >= resizeAt) {
            grow();
        }
        int slot = home(id);
        while (ids[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        ids[slot] = id;
        groups[slot] = group;
        sizes[slot] = size;
        ordinals[slot] = ordinal;
        this.size++;
    }

    /** Removes the entry in {@code slot}, shifting later entries back so lookups need no tombstones. */
    void removeAt(int slot) {
        int hole = slot;
        int next = (slot + 1) & mask;
        while (ids[next] != 0) {
            int wanted = home(ids[next]);
            if (((next - wanted) & mask) >= ((next - hole) & mask)) {
                ids[hole] = ids[next];
                groups[hole] = groups[next];
                sizes[hole] = sizes[next];
                ordinals[hole] = ordinals[next];
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

    int groupAt(int slot) {
        return groups[slot];
    }

    long sizeAt(int slot) {
        return sizes[slot];
    }

    long ordinalAt(int slot) {
        return ordinals[slot];
    }

    /** Empties the map and gives back the memory of a large previous file. */
    void clear() {
        allocate(MIN_CAPACITY);
    }

    private int home(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void allocate(int capacity) {
        ids = new long[capacity];
        groups = new int[capacity];
        sizes = new long[capacity];
        ordinals = new long[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = (int) (capacity * 0.6);
        size = 0;
    }

    private void grow() {
        long[] oldIds = ids;
        int[] oldGroups = groups;
        long[] oldSizes = sizes;
        long[] oldOrdinals = ordinals;
        allocate(oldIds.length * 2);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != 0) {
                put(oldIds[i], oldGroups[i], oldSizes[i], oldOrdinals[i]);
            }
        }
    }
}

package dev.leaktrace.analyser;

/**
 * The objects allocated and not yet dropped, keyed by id, with their group, size and event ordinal.
 *
 * <p>This is what bounds the analyser's memory by the objects alive rather than the log length.
 * It is also where pairing spends its time: with a hundred thousand objects alive the map is
 * megabytes, and a lookup on a random slot of it is a cache miss (200 ns on a busy virtual
 * machine, more than parsing the line). But most objects die young, a few lines after their
 * allocation, so the map has two generations, as a garbage collector has:
 * <ul>
 *   <li>{@link #young}, small enough to stay in the CPU's cache, receives every allocation;</li>
 *   <li>when it is half full, the objects that have already survived one such round move to
 *       {@link #old}, which grows with the number of long-lived (or leaked) objects.</li>
 * </ul>
 * A drop of a young object, the common case, then never leaves the cache. An allocation must
 * check that its id is not alive yet, in both generations; ids usually only grow, so the old one
 * is skipped for an id above every id it ever received ({@link #maxOldId}).
 *
 * <p>A slot number covers both generations: below {@code young.capacity()} it is young, above it
 * is old. Which generation an object is in never changes what the analyser reports.
 */
final class LiveObjects {
    /** 8192 slots of 32 bytes: 256 KiB, within a core's L2 cache. */
    static final int YOUNG_CAPACITY = 1 << 13;
    private static final int YOUNG_LIMIT = YOUNG_CAPACITY / 2;
    private static final int OLD_MIN_CAPACITY = 1024;

    private IdTable young;
    /** The young table of the next round, kept to avoid allocating one per round. */
    private IdTable spare;
    private final IdTable old;
    private long maxOldId;
    /**
     * The largest id ever put (since {@link #clear}). Ids usually only grow, so the check that an
     * allocation's id is not alive yet is this one comparison, not a probe of the young table.
     */
    private long maxId;
    /** Objects allocated before this ordinal have survived a round, and move to {@link #old} at the next. */
    private long survivorsBefore;

    LiveObjects() {
        this(YOUNG_CAPACITY);
    }

    /** For tests: a small young generation makes objects move between generations often. */
    LiveObjects(int youngCapacity) {
        young = new IdTable(youngCapacity);
        spare = new IdTable(youngCapacity);
        old = new IdTable(OLD_MIN_CAPACITY);
    }

    int size() {
        return young.size() + old.size();
    }

    /** The slot holding {@code id}, or -1. Slots stay valid until the next put or remove. */
    int find(long id) {
        if (id > maxId) {
            return -1;
        }
        int slot = young.find(id);
        if (slot >= 0) {
            return slot;
        }
        if (id > maxOldId) {
            return -1;
        }
        slot = old.find(id);
        return slot < 0 ? -1 : young.capacity() + slot;
    }

    /** Adds {@code id}, which must not be present. */
    void put(long id, int group, long size, long ordinal) {
        if (young.size() >= young.capacity() / 2) {
            promote(ordinal);
        }
        young.put(id, group, size, ordinal);
        maxId = Math.max(maxId, id);
    }

    /** Removes the entry in {@code slot}. */
    void removeAt(int slot) {
        if (slot < young.capacity()) {
            young.removeAt(slot);
        } else {
            old.removeAt(slot - young.capacity());
        }
    }

    /** Slot numbers run from 0 to this, exclusive; for iterating all slots. */
    int capacity() {
        return young.capacity() + old.capacity();
    }

    /** The id in {@code slot}, or 0 if the slot is empty. */
    long idAt(int slot) {
        return slot < young.capacity() ? young.idAt(slot) : old.idAt(slot - young.capacity());
    }

    int groupAt(int slot) {
        return slot < young.capacity() ? young.groupAt(slot) : old.groupAt(slot - young.capacity());
    }

    long sizeAt(int slot) {
        return slot < young.capacity() ? young.sizeAt(slot) : old.sizeAt(slot - young.capacity());
    }

    long ordinalAt(int slot) {
        return slot < young.capacity() ? young.ordinalAt(slot) : old.ordinalAt(slot - young.capacity());
    }

    /** Empties the map and gives back the memory of a large previous file. */
    void clear() {
        young.clear();
        old.clear();
        maxOldId = 0;
        maxId = 0;
        survivorsBefore = 0;
    }

    /**
     * Moves the survivors of the last round to {@link #old}, and keeps the rest young. Should the
     * young generation still be more than a quarter full (everything alive was allocated in this
     * round), everything moves, so that the next round is at least a quarter of the table away
     * and the cost per allocation stays constant.
     */
    private void promote(long ordinal) {
        boolean all = false;
        int keep = 0;
        for (int slot = 0; slot < young.capacity(); slot++) {
            if (young.idAt(slot) != 0 && young.ordinalAt(slot) >= survivorsBefore) {
                keep++;
            }
        }
        if (keep > young.capacity() / 4) {
            all = true;
        }
        for (int slot = 0; slot < young.capacity(); slot++) {
            long id = young.idAt(slot);
            if (id == 0) {
                continue;
            }
            if (all || young.ordinalAt(slot) < survivorsBefore) {
                old.put(id, young.groupAt(slot), young.sizeAt(slot), young.ordinalAt(slot));
                maxOldId = Math.max(maxOldId, id);
            } else {
                spare.put(id, young.groupAt(slot), young.sizeAt(slot), young.ordinalAt(slot));
            }
        }
        IdTable emptied = young;
        young = spare;
        spare = emptied;
        spare.clear();
        survivorsBefore = ordinal;
    }
}

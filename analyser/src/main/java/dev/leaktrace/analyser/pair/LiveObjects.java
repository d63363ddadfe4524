package dev.leaktrace.analyser.pair;

/**
 * The objects allocated and not yet dropped, keyed by id, with their group, size and event ordinal.
 *
 * <p>This is what bounds the analyser's memory by the objects alive rather than the log length.
 * It is also where pairing spends its time: with a hundred thousand objects alive the map is
 * megabytes, and a lookup on a random slot of it is a cache miss, which costs more than parsing
 * the line. But most objects die young, a few lines after their
 * allocation, so the map has two generations, as a garbage collector has:
 * <ul>
 *   <li>{@link #young}, small enough to stay in the CPU's cache, receives every allocation, in the
 *       slot given by the low bits of its id;</li>
 *   <li>an object still alive when a later id claims its slot moves to {@link #old}, which grows
 *       with the number of long-lived (or leaked) objects.</li>
 * </ul>
 * The agent numbers objects in allocation order, so the young slots are a ring over the most
 * recent ids: a slot is claimed again only after {@code young}'s capacity of later allocations,
 * and finding, adding or removing a young object is one slot, without hashing, probing, shifting
 * on removal, or periodic sweeps to promote survivors. Ids in any other order are still correct,
 * only slower (they move to {@link #old} sooner). A drop of a young object, the common case, then
 * never leaves the cache. An allocation must check that its id is not alive yet, in both
 * generations; ids usually only grow, so that is one comparison for an id above every id ever
 * received ({@link #maxId}), and the old generation is skipped for an id above every id it holds
 * ({@link #maxOldId}).
 *
 * <p>A slot number covers both generations: below {@code young.length / STRIDE} it is young,
 * above it is old. Which generation an object is in never changes what the analyser reports.
 */
final class LiveObjects {
    /**
     * 32768 slots of 32 bytes, 1 MiB: large enough that few objects move to the old generation, small
     * enough that the ring stays in cache (docs/performance.md).
     */
    static final int YOUNG_CAPACITY = 1 << 15;
    private static final int OLD_MIN_CAPACITY = 1024;

    /** Longs per young slot, and their offsets in it, as in {@link IdTable}. Id 0 marks an empty slot. */
    private static final int STRIDE = 4;
    private static final int ID = 0;
    private static final int SIZE = 1;
    private static final int ORDINAL = 2;
    private static final int GROUP = 3;

    private final long[] young;
    private final int youngCapacity;
    private final int youngMask;
    private int youngSize;
    private final IdTable old;
    /** The largest id ever moved to {@link #old} (since {@link #clear}). */
    private long maxOldId;
    /**
     * The largest id ever put (since {@link #clear}). Ids usually only grow, so the check that an
     * allocation's id is not alive yet is this one comparison, not a look at its young slot.
     */
    private long maxId;

    LiveObjects() {
        this(YOUNG_CAPACITY);
    }

    /** For tests: a small young generation makes objects move between generations often. */
    LiveObjects(int youngCapacity) {
        if (Integer.bitCount(youngCapacity) != 1) {
            throw new IllegalArgumentException("young capacity must be a power of two: " + youngCapacity);
        }
        this.youngCapacity = youngCapacity;
        youngMask = youngCapacity - 1;
        young = new long[youngCapacity * STRIDE];
        old = new IdTable(OLD_MIN_CAPACITY);
    }

    int size() {
        return youngSize + old.size();
    }

    /** The slot holding {@code id}, or -1. Slots stay valid until the next put or remove. */
    int find(long id) {
        if (id > maxId) {
            return -1;
        }
        int slot = youngSlot(id);
        if (young[slot * STRIDE + ID] == id) {
            return slot;
        }
        if (id > maxOldId) {
            return -1;
        }
        slot = old.find(id);
        return slot < 0 ? -1 : youngCapacity + slot;
    }

    /** Adds {@code id}, which must not be present; the object in its young slot, if any, moves to the old generation. */
    void put(long id, int group, long size, long ordinal) {
        int at = youngSlot(id) * STRIDE;
        long previous = young[at + ID];
        if (previous != 0) {
            old.put(previous, (int) young[at + GROUP], young[at + SIZE], young[at + ORDINAL]);
            maxOldId = Math.max(maxOldId, previous);
        } else {
            youngSize++;
        }
        young[at + ID] = id;
        young[at + SIZE] = size;
        young[at + ORDINAL] = ordinal;
        young[at + GROUP] = group;
        maxId = Math.max(maxId, id);
    }

    /** Removes the entry in {@code slot}. */
    void removeAt(int slot) {
        if (slot < youngCapacity) {
            young[slot * STRIDE + ID] = 0;
            youngSize--;
        } else {
            old.removeAt(slot - youngCapacity);
        }
    }

    /** Slot numbers run from 0 to this, exclusive; for iterating all slots. */
    int capacity() {
        return youngCapacity + old.capacity();
    }

    /** The id in {@code slot}, or 0 if the slot is empty. */
    long idAt(int slot) {
        return slot < youngCapacity ? young[slot * STRIDE + ID] : old.idAt(slot - youngCapacity);
    }

    int groupAt(int slot) {
        return slot < youngCapacity ? (int) young[slot * STRIDE + GROUP] : old.groupAt(slot - youngCapacity);
    }

    long sizeAt(int slot) {
        return slot < youngCapacity ? young[slot * STRIDE + SIZE] : old.sizeAt(slot - youngCapacity);
    }

    long ordinalAt(int slot) {
        return slot < youngCapacity ? young[slot * STRIDE + ORDINAL] : old.ordinalAt(slot - youngCapacity);
    }

    /** Empties the map and gives back the memory of a large previous file. */
    void clear() {
        java.util.Arrays.fill(young, 0);
        youngSize = 0;
        old.clear();
        maxOldId = 0;
        maxId = 0;
    }

    private int youngSlot(long id) {
        return (int) id & youngMask;
    }
}

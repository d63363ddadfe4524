package dev.leaktrace.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.util.function.Consumer;

/**
 * Live traced objects by identity. Identity, not equals/hashCode: calling the application's
 * methods from here could throw, recurse or change its behaviour (so no WeakHashMap).
 * Striped into segments so threads tracing objects at once rarely meet on one lock.
 */
final class Registry {
    private static final int SEGMENT_BITS = 10;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;

    private final Segment[] segments = new Segment[SEGMENTS];
    final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    Registry() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    private static int spread(int identityHash) {
        return identityHash ^ (identityHash >>> 16);
    }

    private Segment segmentFor(int hash) {
        return segments[hash & (SEGMENTS - 1)];
    }

    /**
     * A new entry for {@code object}, or null when the object is already registered.
     * {@code identity} is its identity hash, or 1 where that is 0 (see Recorder.identity).
     */
    TrackedRef claim(Object object, int identity, TypeInfo type) {
        int hash = spread(identity);
        return segmentFor(hash).claim(object, type, hash, collected);
    }

    /** Removes and returns the entry of {@code object}, or null when it is not registered. */
    TrackedRef remove(Object object) {
        int identity = System.identityHashCode(object);
        int hash = spread(identity == 0 ? 1 : identity);
        return segmentFor(hash).remove(object, hash);
    }

    /** Removes an entry the GC has enqueued; false when a drop removed it first. */
    boolean removeEntry(TrackedRef entry) {
        return segmentFor(entry.hash).removeEntry(entry);
    }

    int size() {
        int total = 0;
        for (Segment s : segments) {
            total += s.count();
        }
        return total;
    }

    /** Visits every live entry (for dumps); entries may change while this runs. */
    void forEach(Consumer<TrackedRef> visitor) {
        for (Segment s : segments) {
            s.forEach(visitor);
        }
    }

    private static final class Segment {
        private TrackedRef[] table = new TrackedRef[16];
        private int count;

        synchronized int count() {
            return count;
        }

        synchronized TrackedRef claim(Object object, TypeInfo type, int hash, ReferenceQueue<Object> queue) {
            int index = (hash >>> SEGMENT_BITS) & (table.length - 1);
            for (TrackedRef e = table[index]; e != null; e = e.chain) {
                if (e.hash == hash && e.refersTo(object)) {
                    return null;
                }
            }
            TrackedRef entry = new TrackedRef(object, queue, type, hash);
            entry.chain = table[index];
            table[index] = entry;
            if (++count > table.length * 3 / 4) {
                grow();
            }
            return entry;
        }

        synchronized TrackedRef remove(Object object, int hash) {
            int index = (hash >>> SEGMENT_BITS) & (table.length - 1);
            TrackedRef previous = null;
            for (TrackedRef e = table[index]; e != null; previous = e, e = e.chain) {
                if (e.hash == hash && e.refersTo(object)) {
                    unlink(index, previous, e);
                    return e;
                }
            }
            return null;
        }

        synchronized boolean removeEntry(TrackedRef entry) {
            int index = (entry.hash >>> SEGMENT_BITS) & (table.length - 1);
            TrackedRef previous = null;
            for (TrackedRef e = table[index]; e != null; previous = e, e = e.chain) {
                if (e == entry) {
                    unlink(index, previous, e);
                    return true;
                }
            }
            return false;
        }

        private void unlink(int index, TrackedRef previous, TrackedRef e) {
            if (previous == null) {
                table[index] = e.chain;
            } else {
                previous.chain = e.chain;
            }
            e.chain = null;
            count--;
        }

        private void grow() {
            TrackedRef[] old = table;
            TrackedRef[] bigger = new TrackedRef[old.length * 2];
            for (TrackedRef head : old) {
                TrackedRef e = head;
                while (e != null) {
                    TrackedRef next = e.chain;
                    int index = (e.hash >>> SEGMENT_BITS) & (bigger.length - 1);
                    e.chain = bigger[index];
                    bigger[index] = e;
                    e = next;
                }
            }
            table = bigger;
        }

        synchronized void forEach(Consumer<TrackedRef> visitor) {
            for (TrackedRef head : table) {
                for (TrackedRef e = head; e != null; e = e.chain) {
                    if (!e.refersTo(null)) {
                        visitor.accept(e);
                    }
                }
            }
        }
    }
}

package dev.leaktrace.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Live traced objects by identity. Identity, not equals/hashCode: calling the application's
 * methods from here could throw, recurse or change its behaviour (so no WeakHashMap).
 * Striped into segments so threads tracing objects at once rarely meet on one lock. A thread's
 * newest object waits in its {@link ThreadState#newest} slot instead, so one dropped on its own
 * thread before the next is made never takes a lock. How an entry moves between the two, and who
 * reports it: the package's Concurrency section.
 */
final class Registry {
    private static final int SEGMENT_BITS = 10;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;

    private final Segment[] segments = new Segment[SEGMENTS];
    final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    /**
     * Platform threads whose newest-object slot may hold an entry: added once per thread, and
     * removed, once a thread ended, by a thread listed after it or by the reaper's sweep, so that
     * the set holds about the threads alive, however many came and went. A concurrent set, not a
     * copy-on-write list: each change costs the same at any size, and a search still sees every
     * thread listed before it began.
     */
    private final Set<ThreadState> threads = ConcurrentHashMap.newKeySet();
    /** Held while ended threads are taken off the list; {@link #sweep} goes round it a few at a time. */
    private final Object sweepLock = new Object();
    private Iterator<ThreadState> sweep;
    /** Threads checked for an end each time a thread is listed: more than it adds. */
    private static final int CHECKS_PER_LISTING = 2;

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

    /** Identity hash, never 0 (0 marks an entry whose hash is not known yet). */
    static int identity(Object object) {
        int hash = System.identityHashCode(object);
        return hash == 0 ? 1 : hash;
    }

    /**
     * Registers {@code object} with {@code made} (the entry its constructor bound, or null to make
     * one), or returns null when the object is already registered. Its identity hash is taken
     * only when the entry enters a segment: an object dropped while it is its thread's newest
     * never needs one (the hash is a call into the VM for a new object).
     * {@code mayRepeat}: the class has constructors that call this(...), so a second constructor
     * exit for the same object is possible; its entry goes straight into a segment, where the
     * repeat is seen.
     */
    TrackedRef claim(Object object, TrackedRef made, TypeInfo type, ThreadState thread, boolean mayRepeat) {
        if (mayRepeat || thread.virtual) {
            TrackedRef newest = thread.newest;
            if (newest != null && newest.refersTo(object)) {
                return null;
            }
            int hash = spread(identity(object));
            return segmentFor(hash).claim(object, made, type, hash, collected);
        }
        TrackedRef entry = made != null ? made : new TrackedRef(object, collected, type);
        if (thread.listedIn != this) {
            forgetSomeFinishedThreads();
            threads.add(thread);
            thread.listedIn = this;
        }
        if (!moveNewestIntoSegment(thread, entry)) {
            thread.setNewest(entry);
        }
        return entry;
    }

    /** A new entry for an object about to be registered (made where its constructor binds it). */
    TrackedRef entryFor(Object object, TypeInfo type) {
        return new TrackedRef(object, collected, type);
    }

    /**
     * Puts the thread's newest object, if live, into its segment and {@code replacement} into the
     * slot; false when the slot was left alone (nothing live there, or another thread took it
     * meanwhile and reports it).
     */
    private boolean moveNewestIntoSegment(ThreadState thread, TrackedRef replacement) {
        TrackedRef newest = thread.newest;
        if (newest == null || !newest.isLive()) {
            return false;
        }
        int hash = newest.hash;
        if (hash == 0) {
            Object object = newest.get();
            if (object == null) {
                // Collected: the GC enqueues the entry, and the reaper reports it from there.
                return thread.replaceNewest(newest, replacement);
            }
            hash = spread(identity(object));
            newest.hash = hash;
        }
        Segment segment = segmentFor(hash);
        segment.insert(newest);
        if (thread.replaceNewest(newest, replacement)) {
            return true;
        }
        segment.removeEntry(newest);
        return false;
    }

    /**
     * The thread's own newest entry, which refers to the object being dropped: only its thread
     * moves it, so it is in no segment. Null when the GC reported it first.
     */
    TrackedRef takeNewest(ThreadState thread, TrackedRef own) {
        if (!own.end()) {
            return null;
        }
        thread.setNewest(null);
        return own;
    }

    /**
     * The entry of {@code object}, which is not the dropping thread's newest, taken out of the
     * registry for the caller to report; null when the object is not registered (or another
     * caller reports it).
     */
    TrackedRef removeElsewhere(Object object) {
        int hash = spread(identity(object));
        Segment segment = segmentFor(hash);
        TrackedRef found = segment.remove(object, hash);
        if (found != null) {
            return found.end() ? found : null;
        }
        found = takeFromSlots(object, hash);
        if (found == null) {
            // It may have moved from its thread's slot into the segment since we looked there.
            found = segment.remove(object, hash);
            return found != null && found.end() ? found : null;
        }
        if (!found.end()) {
            return null;
        }
        // Taken from a slot, but its thread may have just put it into the segment too.
        segment.removeEntry(found);
        return found;
    }

    /** The other threads' newest-object slots, for an object made on one thread and dropped on another. */
    private TrackedRef takeFromSlots(Object object, int hash) {
        for (ThreadState t : threads) {
            TrackedRef e = t.newest;
            if (e == null) {
                continue;
            }
            // A hash of 0: not taken yet (its thread takes it when it moves the entry into a
            // segment, maybe right now: read it once, or the check could see 0, then the hash).
            int entryHash = e.hash;
            if ((entryHash == hash || entryHash == 0) && e.isLive() && e.refersTo(object)) {
                t.replaceNewest(e, null);
                return e;
            }
        }
        return null;
    }

    /**
     * Claims the report of an entry the GC has enqueued: false when a drop reported it first. It
     * may linger in its thread's slot, ended; the thread drops it there at its next object.
     */
    boolean removeEntry(TrackedRef entry) {
        if (!entry.end()) {
            return false;
        }
        int hash = entry.hash;
        if (hash != 0) { // else it never entered a segment
            segmentFor(hash).removeEntry(entry);
        }
        return true;
    }

    /**
     * Moves the newest objects of threads that ended into the segments and stops listing those
     * threads, so that thread churn does not grow the list.
     */
    void forgetFinishedThreads() {
        synchronized (sweepLock) {
            for (Iterator<ThreadState> all = threads.iterator(); all.hasNext(); ) {
                forgetIfEnded(all);
            }
        }
    }

    /** The next few listed threads, going round the list: those that ended are forgotten. */
    private void forgetSomeFinishedThreads() {
        synchronized (sweepLock) {
            for (int i = 0; i < CHECKS_PER_LISTING; i++) {
                if (sweep == null || !sweep.hasNext()) {
                    sweep = threads.iterator();
                    if (!sweep.hasNext()) {
                        return;
                    }
                }
                forgetIfEnded(sweep);
            }
        }
    }

    private void forgetIfEnded(Iterator<ThreadState> at) {
        ThreadState t = at.next();
        if (t.isOrphan()) {
            moveNewestIntoSegment(t, null);
            at.remove();
        }
    }

    int size() {
        int total = 0;
        for (Segment s : segments) {
            total += s.count();
        }
        for (ThreadState t : threads) {
            TrackedRef e = t.newest;
            if (e != null && e.isLive()) {
                total++;
            }
        }
        return total;
    }

    /**
     * Visits every live entry (for dumps); entries may change while this runs, and one moving
     * from a slot into a segment may be visited twice (callers drop repeats by id).
     */
    void forEach(Consumer<TrackedRef> visitor) {
        for (ThreadState t : threads) {
            TrackedRef e = t.newest;
            if (e != null && e.isLive() && !e.refersTo(null)) {
                visitor.accept(e);
            }
        }
        for (Segment s : segments) {
            s.forEach(visitor);
        }
    }

    private static final class Segment {
        private static final int MIN_TABLE = 16;
        private TrackedRef[] table = new TrackedRef[MIN_TABLE];
        private int count;

        synchronized int count() {
            return count;
        }

        synchronized TrackedRef claim(Object object, TrackedRef made, TypeInfo type, int hash,
                                      ReferenceQueue<Object> queue) {
            int index = (hash >>> SEGMENT_BITS) & (table.length - 1);
            for (TrackedRef e = table[index]; e != null; e = e.chain) {
                if (e.hash == hash && e.refersTo(object)) {
                    return null;
                }
            }
            TrackedRef entry = made != null ? made : new TrackedRef(object, queue, type);
            entry.hash = hash;
            entry.chain = table[index];
            table[index] = entry;
            if (++count > table.length * 3 / 4) {
                grow();
            }
            return entry;
        }

        /** Adds an entry made outside the segment (a thread's newest object moving in). */
        synchronized void insert(TrackedRef entry) {
            int index = (entry.hash >>> SEGMENT_BITS) & (table.length - 1);
            entry.chain = table[index];
            table[index] = entry;
            if (++count > table.length * 3 / 4) {
                grow();
            }
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
            if (table.length > MIN_TABLE && count < table.length / 8) {
                // After a peak of live objects, give the memory back (hysteresis: grow at 3/4).
                resize(table.length / 2);
            }
        }

        private void grow() {
            resize(table.length * 2);
        }

        private void resize(int length) {
            TrackedRef[] resized = new TrackedRef[length];
            for (TrackedRef head : table) {
                TrackedRef e = head;
                while (e != null) {
                    TrackedRef next = e.chain;
                    int index = (e.hash >>> SEGMENT_BITS) & (resized.length - 1);
                    e.chain = resized[index];
                    resized[index] = e;
                    e = next;
                }
            }
            table = resized;
        }

        synchronized void forEach(Consumer<TrackedRef> visitor) {
            for (TrackedRef head : table) {
                for (TrackedRef e = head; e != null; e = e.chain) {
                    if (e.isLive() && !e.refersTo(null)) {
                        visitor.accept(e);
                    }
                }
            }
        }
    }
}

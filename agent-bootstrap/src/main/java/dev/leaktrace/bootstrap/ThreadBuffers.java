package dev.leaktrace.bootstrap;

/**
 * A sink's buffers: one per platform thread that traces. A platform thread's buffer outlives its thread only until it is found ended (by the writer's
 * periodic sweep, or by the next threads that ask for a buffer), written out and retired; the next
 * new thread takes a retired buffer rather than a fresh one. So the buffers number about as many
 * as the threads tracing at once, never the threads that ever ran, and an entry's reference to the
 * buffer of its @ALLOCATE (in {@code TrackedRef.owner}) holds a buffer that is in use or pooled.
 * Virtual threads have none: they come and go by the hundred thousand, and a buffer each would
 * cost more than the thread (their lines are handed to the writer one by one, see LineSink).
 *
 * <p>Every method runs under the sink's write lock.
 */
final class ThreadBuffers {
    /** The array of a buffer that traces steadily: one system call per 16 KB written. */
    static final int CAPACITY = 1 << 14;
    /** A new platform thread's first array; it grows to {@link #CAPACITY} when it first fills. */
    static final int FIRST_CAPACITY = 1 << 10;
    /** Retired buffers kept for reuse, at most; after a burst of ended threads the rest go, arrays first. */
    private static final int MAX_POOLED = 64;
    private static final byte[] NO_BYTES = new byte[0];

    private ThreadBuffer[] listed = new ThreadBuffer[16];
    private int count;
    /** Where the round of checks for ended threads goes on (see {@link #candidate}). */
    private int cursor;
    private final ThreadBuffer[] pool = new ThreadBuffer[MAX_POOLED];
    private int pooled;

    int count() {
        return count;
    }

    ThreadBuffer at(int index) {
        return listed[index];
    }

    /** A buffer for the calling platform thread: a retired one if any, else a new one. */
    ThreadBuffer register(Thread owner) {
        ThreadBuffer buffer;
        if (pooled > 0) {
            buffer = pool[--pooled];
            pool[pooled] = null;
            buffer.owner = owner;
        } else {
            buffer = new ThreadBuffer(owner, FIRST_CAPACITY);
        }
        add(buffer);
        return buffer;
    }

    private void add(ThreadBuffer buffer) {
        if (count == listed.length) {
            listed = java.util.Arrays.copyOf(listed, count * 2);
        }
        listed[count++] = buffer;
    }

    /** The next buffer in the round of checks for ended threads; null when there is none. */
    ThreadBuffer candidate() {
        if (count == 0) {
            return null;
        }
        if (cursor >= count) {
            cursor = 0;
        }
        return listed[cursor];
    }

    /** The candidate's thread is alive: the round goes on past it. */
    void keepCandidate() {
        cursor++;
    }

    /**
     * The candidate's thread ended and the caller wrote its lines out: it leaves the list (the last
     * buffer takes its place) for the pool, its stream position kept, so that entries whose
     * @ALLOCATE it held still see that written out.
     */
    void retireCandidate() {
        ThreadBuffer retired = listed[cursor];
        listed[cursor] = listed[--count];
        listed[count] = null;
        retired.owner = null;
        retired.chunkStart += retired.published;
        retired.writtenTotal = retired.chunkStart;
        retired.written = 0;
        retired.published = 0;
        if (pooled < MAX_POOLED) {
            pool[pooled++] = retired;
        } else {
            retired.data = NO_BYTES; // only entries still refer to it now: keep them small
        }
        if (count < listed.length / 4 && listed.length > 16) {
            listed = java.util.Arrays.copyOf(listed, listed.length / 2);
        }
    }
}

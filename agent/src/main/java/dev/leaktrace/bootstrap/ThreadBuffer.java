package dev.leaktrace.bootstrap;

import java.lang.ref.WeakReference;

/**
 * One thread's lines on their way to the output. Only the owning thread appends, without a lock;
 * it publishes each complete line by moving {@link #published}, so another thread holding the
 * sink's write lock may write out everything before that mark at any time (the periodic flush, a
 * drop on another thread that must follow the allocation, the exit). Bytes below the mark never
 * change until they are written out.
 */
final class ThreadBuffer {
    final WeakReference<Thread> thread;
    /** Replaced by the owner, under the sink's write lock, when it hands a full array to the writer. */
    byte[] data;
    /** Bytes of {@link #data} holding complete lines. Written by the owner only (reset under the lock). */
    volatile int published;
    /** Bytes of {@link #data} already written out; under the sink's write lock. */
    int written;
    /** Position of data[0] in this buffer's whole stream; changed by the owner under the lock. */
    long chunkStart;
    /** How much of this buffer's whole stream is written out; changed under the lock. */
    volatile long writtenTotal;

    ThreadBuffer(Thread owner, int capacity) {
        this.thread = new WeakReference<>(owner);
        this.data = new byte[capacity];
    }

    /** The stream position just after the published lines. */
    long end() {
        return chunkStart + published;
    }

    boolean isOrphan() {
        Thread owner = thread.get();
        return owner == null || !owner.isAlive();
    }
}

package dev.leaktrace.bootstrap;

/** The fields of {@link ThreadBuffer}, between two cache lines of padding (see {@link CacheLinePadding}). */
abstract class ThreadBufferFields extends CacheLinePadding {
    /**
     * The platform thread that appends to this buffer; null once it ended and the buffer was
     * retired. Changed under the sink's write lock.
     */
    Thread owner;
    /** Replaced by the owner, under the sink's write lock, when it hands a full array to the writer. */
    byte[] data;
    /** Bytes of {@code data} holding complete lines. Written by the owner only (reset under the lock). */
    volatile int published;
    /** Bytes of {@code data} already written out; under the sink's write lock. */
    int written;
    /** Position of data[0] in this buffer's whole stream; changed by the owner under the lock. */
    long chunkStart;
    /** How much of this buffer's whole stream is written out; changed under the lock. */
    volatile long writtenTotal;
    /**
     * A batch of virtual threads' lines ({@code LentLines}): outside the sink's list, its fields
     * changed only under {@link #lentLock}, and handed over whole rather than written out in place.
     */
    boolean lent;
    /** 1 while a batch's borrower writes a line into it or another thread takes its lines. */
    volatile int lentLock;

    ThreadBufferFields(Thread owner, int capacity) {
        this.owner = owner;
        this.data = new byte[capacity];
    }
}

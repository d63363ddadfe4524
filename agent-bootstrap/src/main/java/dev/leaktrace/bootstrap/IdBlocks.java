package dev.leaktrace.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of traced objects, handed out in per-thread blocks: unique, without two threads meeting
 * on one counter per object.
 */
final class IdBlocks {
    private static final int BLOCK = 256;
    private final AtomicLong issued = new AtomicLong();
    /** Bumped by {@link #mark()} so that every thread takes a fresh block after it. */
    private volatile int epoch;

    long next(ThreadState thread) {
        int current = epoch;
        if (thread.nextId == thread.idLimit || thread.idEpoch != current) {
            long start = issued.getAndAdd(BLOCK);
            thread.nextId = start + 1;
            thread.idLimit = start + 1 + BLOCK;
            thread.idEpoch = current;
        }
        return thread.nextId++;
    }

    /** A mark: every object created after this call, on any thread, gets a larger id. */
    long mark() {
        epoch++;
        return issued.get();
    }
}

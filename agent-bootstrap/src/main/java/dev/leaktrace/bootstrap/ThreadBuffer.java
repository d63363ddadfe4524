package dev.leaktrace.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's lines on their way to the output: its owner appends and publishes them, a holder of
 * the sink's write lock writes them out (the package's Concurrency section).
 */
final class ThreadBuffer extends ThreadBufferFields {
    /** The cache line after the fields (see {@link CacheLinePadding}). */
    long q00;
    long q01;
    long q02;
    long q03;
    long q04;
    long q05;
    long q06;
    long q07;

    private static final VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(ThreadBufferFields.class, "published", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    ThreadBuffer(Thread owner, int capacity) {
        super(owner, capacity);
    }

    /**
     * Publishes the lines before {@code end}: a release store, so that a reader of
     * {@link #published} sees complete lines. Not a volatile write: its full fence, twice per
     * object, would be the agent's largest cost per object in deep call stacks (docs/performance.md).
     */
    void publish(int end) {
        PUBLISHED.setRelease(this, end);
    }
    /** The stream position just after the published lines. */
    long end() {
        return chunkStart + published;
    }

    /** Under the sink's write lock: a platform thread's buffer whose thread ended. */
    boolean isOrphan() {
        return owner == null || !owner.isAlive();
    }
}

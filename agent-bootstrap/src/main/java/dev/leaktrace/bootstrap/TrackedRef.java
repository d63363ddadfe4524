package dev.leaktrace.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * The registry's entry for one live traced object. Weak, so that we never keep the object alive;
 * the GC enqueues it when the object is collected, which is how {@code gc} drops and {@code @GC}
 * lines are seen. Kept small: it is paid for every live traced object.
 */
final class TrackedRef extends WeakReference<Object> {
    final TypeInfo type;
    /**
     * The spread identity hash that places the entry in the registry's segments; 0 until it is
     * taken, when the entry first enters a segment (volatile: the reaper reads it without a lock).
     */
    volatile int hash;
    long id;
    long size;
    /** The site token of the @ALLOCATE line (shared between objects of one site). */
    byte[] site;
    /**
     * The buffer that holds the @ALLOCATE line (null for a line handed over on its own), and the
     * stream position just after it. Buffers pass from ended threads to new ones (ThreadBuffers),
     * so this holds no buffer per ended thread; past the pool's bound, only an emptied one.
     */
    ThreadBuffer owner;
    long ownerEnd;
    /** Next entry in the same registry bucket. */
    TrackedRef chain;
    /** 0 while the object is live; 1 once its drop or collection is being reported (by the one who set it). */
    private volatile int ended;

    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(TrackedRef.class, "ended", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    TrackedRef(Object referent, ReferenceQueue<Object> queue, TypeInfo type) {
        super(referent, queue);
        this.type = type;
    }

    /** True for exactly one caller: the one that reports the end of the object. */
    boolean end() {
        return ENDED.compareAndSet(this, 0, 1);
    }

    boolean isLive() {
        return ended == 0;
    }
}

package dev.leaktrace.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * The registry's entry for one live traced object. Weak, so that we never keep the object alive;
 * the GC enqueues it when the object is collected, which is how {@code gc} drops and {@code @GC}
 * lines are seen. Kept small: it is paid for every live traced object.
 */
final class TrackedRef extends WeakReference<Object> {
    final TypeInfo type;
    final int hash;
    long id;
    long size;
    /** The site token of the @ALLOCATE line (shared between objects of one site). */
    byte[] site;
    /** The buffer that holds the @ALLOCATE line, and the stream position just after it. */
    ThreadBuffer owner;
    long ownerEnd;
    /** Next entry in the same registry bucket. */
    TrackedRef chain;

    TrackedRef(Object referent, ReferenceQueue<Object> queue, TypeInfo type, int hash) {
        super(referent, queue);
        this.type = type;
        this.hash = hash;
    }
}

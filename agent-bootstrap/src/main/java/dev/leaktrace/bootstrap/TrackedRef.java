package dev.leaktrace.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * The registry's entry for one live traced object. Weak, so that we never keep the object alive;
 * the GC enqueues it when the object is collected, which is how {@code gc} drops and {@code @GC}
 * lines are seen. Kept small: it is paid for every live traced object. Heap dumps are read by
 * these fields' names ({@code id}, {@code site}, {@code type}, {@code state}: the analyser's
 * {@code heap.TrackedObjects}); a change to them changes that reader too.
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
     * so this holds no buffer per ended thread; past the pool's bound, only an emptied one. For a
     * virtual thread's line, the batch of the state lent to it (LentLines), one of at most 64.
     */
    ThreadBuffer owner;
    long ownerEnd;
    /** Next entry in the same registry bucket. */
    TrackedRef chain;
    /**
     * When it was made, in the survivor clock's milliseconds ({@code log: survivors} only); set
     * last, by a release store, so that whoever reads a date reads the size, site and id too. Until
     * then the largest value: a survivor watch that meets the entry first leaves it alone.
     */
    private int born = Integer.MAX_VALUE;
    /**
     * {@link #LIVE} while the object is live; {@link #ENDED} once its drop or collection is being
     * reported (by the one who set it). Under {@code log: survivors} a live object's @ALLOCATE is
     * written late, by the survivor watch: {@link #SHOWING} while it writes it, {@link #SHOWN}
     * after, and {@link #ENDED_SHOWN} when such an object ends.
     */
    private volatile int state;

    private static final int LIVE = 0; // in log: all, live and shown from the start
    private static final int ENDED = 1;
    private static final int SHOWN = 2;
    private static final int SHOWING = 3;
    private static final int ENDED_SHOWN = 4;

    private static final VarHandle STATE;
    private static final VarHandle BORN;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TrackedRef.class, "state", int.class);
            BORN = MethodHandles.lookup().findVarHandle(TrackedRef.class, "born", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    TrackedRef(Object referent, ReferenceQueue<Object> queue, TypeInfo type) {
        super(referent, queue);
        this.type = type;
    }

    /** After the size, site and id are set. */
    void setBorn(int clock) {
        BORN.setRelease(this, clock);
    }

    /** {@link Integer#MAX_VALUE} until {@link #setBorn}. */
    int born() {
        return (int) BORN.getAcquire(this);
    }

    /** True for exactly one caller: the one that reports the end of the object. */
    boolean end() {
        return STATE.compareAndSet(this, LIVE, ENDED) || endShown();
    }

    /** An object whose @ALLOCATE the survivor watch writes or wrote: waits for that line to be published. */
    private boolean endShown() {
        while (true) {
            int current = state;
            if (current == SHOWING) {
                Thread.onSpinWait(); // a line's formatting: well under a microsecond
            } else if (current != SHOWN) {
                return false;
            } else if (STATE.compareAndSet(this, SHOWN, ENDED_SHOWN)) {
                return true;
            }
        }
    }

    boolean isLive() {
        int current = state;
        return current == LIVE || current == SHOWN || current == SHOWING;
    }

    /** Live and its @ALLOCATE not written yet ({@code log: survivors}). */
    boolean isUnshown() {
        return state == LIVE;
    }

    /** For the survivor watch: true when it may write the @ALLOCATE now, then calls {@link #shown}. */
    boolean beginShow() {
        return STATE.compareAndSet(this, LIVE, SHOWING);
    }

    void shown() {
        STATE.setRelease(this, SHOWN);
    }

    /** After {@link #end} won: whether the object's @ALLOCATE was written, so that its end is written too. */
    boolean endedShown() {
        return state == ENDED_SHOWN;
    }
}

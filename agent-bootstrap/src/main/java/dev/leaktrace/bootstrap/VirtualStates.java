package dev.leaktrace.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The states of virtual threads, lent: a virtual thread borrows one when it enters the recorder,
 * announces a construction or enters a marked library call, and gives it back once idle again
 * ({@link ThreadState#giveBackIfIdle}). Virtual threads come and go by the hundred thousand, each
 * tracing an object or two: a state of their own each (and its thread-local map) cost more than
 * the thread, and would take an id block each. A lent state keeps its id block and newest slot from
 * one borrower to the next, so the states number the virtual threads inside the recorder or a
 * construction at once, never the threads that ran. It has no buffer: a virtual thread that blocks
 * on a lock of the sink unmounts, and on a loaded executor waits long to be mounted again, holding
 * its state; so each line is handed over on its own, lock-free, as before.
 *
 * <p>The borrower is found by identity in a small array, so lending survives the thread being
 * unmounted (a constructor, or a monitor of ours, that blocks) and moved to another carrier. When
 * every slot is taken (many constructions blocked at once), a virtual thread gets a state of its
 * own in an overflow map, removed once idle. The reaper's sweep gives back what threads that ended
 * in the middle of a construction still held, so that nothing here refers to an ended thread for
 * more than a second.
 */
final class VirtualStates {
    /** Lent states, at most: the virtual threads inside the recorder or a construction at once. */
    static final int SLOTS = 64;
    /** Borrowers' entries this far apart: one cache line each, as two carriers write them per object. */
    private static final int STRIDE = 16;
    /**
     * Borrowers' first slots, by thread id: a thread that gives its state back after its
     * constructor and borrows again to close the object finds the same one (the object still in
     * its newest slot), unless a thread of another carrier took it in between.
     */
    private static final int HOMES = 4;
    /** The borrower of each slot's state, at {@code slot * STRIDE}; null when free. */
    private static final Thread[] BORROWERS = new Thread[SLOTS * STRIDE];
    /** Made by a slot's first borrower; read by later ones after their claim of the slot. */
    private static final ThreadState[] STATES = new ThreadState[SLOTS];
    private static final VarHandle BORROWER = MethodHandles.arrayElementVarHandle(Thread[].class);
    /** Slots {@code [0, used)} have been lent at least once: where a borrower looks for its state. */
    private static volatile int used;
    /** The states of virtual threads that found every slot taken. */
    private static final Map<Thread, ThreadState> OVERFLOW = new ConcurrentHashMap<>();
    /**
     * Entries in {@link #OVERFLOW}, and threads putting theirs: while 0, a lookup skips the map
     * (and the check for a thread inside its own put, whose nested calls must record nothing).
     */
    private static volatile int overflowing;
    private static final VarHandle USED;
    private static final VarHandle OVERFLOWING;

    static {
        try {
            USED = MethodHandles.lookup().findStaticVarHandle(VirtualStates.class, "used", int.class);
            OVERFLOWING = MethodHandles.lookup().findStaticVarHandle(VirtualStates.class, "overflowing", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private VirtualStates() {
    }

    /**
     * The state the virtual thread borrowed, or a state newly lent to it; null inside its own put
     * into the overflow map (see {@link LookupGuard}), or when no memory is left for a state.
     */
    static ThreadState current(Thread thread) {
        int n = used;
        for (int i = 0; i < n; i++) {
            // A plain read: only this thread writes itself into a slot, and sees its own writes.
            if (BORROWERS[i * STRIDE] == thread) {
                return STATES[i];
            }
        }
        if (overflowing > 0) {
            if (LookupGuard.isInside(thread)) {
                return null;
            }
            ThreadState own = OVERFLOW.get(thread);
            if (own != null) {
                return own;
            }
        }
        int home = (int) (thread.getId() & (HOMES - 1));
        for (int k = 0; k < SLOTS; k++) {
            int i = k < HOMES ? (home + k) & (HOMES - 1) : k;
            if (BORROWERS[i * STRIDE] == null && BORROWER.compareAndSet(BORROWERS, i * STRIDE, null, thread)) {
                return lend(i);
            }
        }
        return ownState(thread);
    }

    /** The state of a slot just claimed; made at its first loan. */
    private static ThreadState lend(int slot) {
        ThreadState state = STATES[slot];
        if (state == null) {
            try {
                state = new ThreadState(slot);
            } catch (OutOfMemoryError e) {
                BORROWER.setRelease(BORROWERS, slot * STRIDE, null);
                return null;
            }
            STATES[slot] = state;
        }
        int n;
        while ((n = used) <= slot && !USED.compareAndSet(n, slot + 1)) {
            Thread.onSpinWait();
        }
        return state;
    }

    /** Every slot taken: a state of the thread's own, in the overflow map until it is idle. */
    private static ThreadState ownState(Thread thread) {
        OVERFLOWING.getAndAdd(1);
        // The map's nodes are JDK objects whose constructors may be traced: calls from inside
        // the put find the thread inside its lookup and record nothing.
        int guard = LookupGuard.enter(thread);
        try {
            ThreadState own = new ThreadState();
            OVERFLOW.put(thread, own);
            return own;
        } catch (OutOfMemoryError e) {
            OVERFLOWING.getAndAdd(-1);
            return null;
        } finally {
            LookupGuard.exit(guard);
        }
    }

    /** The borrower is idle: its slot is free for the next one (after all its writes to the state). */
    static void giveBack(ThreadState state) {
        if (state.slot >= 0) {
            BORROWER.setRelease(BORROWERS, state.slot * STRIDE, null);
            return;
        }
        Thread thread = state.owner;
        int guard = LookupGuard.enter(thread);
        try {
            if (OVERFLOW.remove(thread) != null) {
                OVERFLOWING.getAndAdd(-1);
            }
        } finally {
            LookupGuard.exit(guard);
        }
    }

    /**
     * The reaper's sweep: gives back what threads that ended still held (a constructor of theirs
     * threw and left its announcement), so that nothing here refers to them any longer.
     */
    static void forgetEndedBorrowers() {
        int n = used;
        for (int i = 0; i < n; i++) {
            Thread borrower = (Thread) BORROWER.getVolatile(BORROWERS, i * STRIDE);
            if (borrower != null && !borrower.isAlive()) {
                STATES[i].clearForNextBorrower(); // the borrower ended: nobody else writes the state
                BORROWER.setRelease(BORROWERS, i * STRIDE, null);
            }
        }
        if (overflowing > 0) {
            for (Iterator<Thread> all = OVERFLOW.keySet().iterator(); all.hasNext(); ) {
                if (!all.next().isAlive()) {
                    all.remove();
                    OVERFLOWING.getAndAdd(-1);
                }
            }
        }
    }

    /**
     * Makes every write of past borrowers visible to the caller (a reader of their counts): each
     * gave its slot back by a release store, read here by acquiring loads.
     */
    static void settle() {
        int n = used;
        for (int i = 0; i < n; i++) {
            BORROWER.getAcquire(BORROWERS, i * STRIDE);
        }
    }
}

package dev.leaktrace.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A sink's batches of virtual threads' lines, one per state {@link VirtualStates} lends, made at
 * its first line: the state's borrower of the moment appends to it, and whole batches go to the
 * writer's queue, so that a virtual thread's line costs no queue node of its own. A batch is
 * guarded by a spin lock, never a monitor: a virtual thread blocked on a monitor unmounts, and on
 * a loaded executor waits long to be mounted again. The lock is held only for straight-line work
 * (formatting a line, handing the batch to the queue), never while taking another lock, so
 * whoever spins for it waits a moment; a holder of the sink's write lock may take it, never the
 * other way round.
 */
final class LentLines {
    private final ThreadBuffer[] bySlot = new ThreadBuffer[VirtualStates.SLOTS];
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(ThreadBuffer[].class);
    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(ThreadBufferFields.class, "lentLock", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The batch of the lent state's slot; null for a state of one thread, or with no memory left. */
    ThreadBuffer of(ThreadState thread) {
        int slot = thread.slot;
        if (slot < 0) {
            return null;
        }
        ThreadBuffer lines = (ThreadBuffer) SLOT.getAcquire(bySlot, slot);
        if (lines == null) {
            try {
                lines = new ThreadBuffer(null, ThreadBuffers.CAPACITY);
            } catch (OutOfMemoryError e) {
                return null;
            }
            lines.lent = true;
            SLOT.setRelease(bySlot, slot, lines); // only the slot's borrower makes it
        }
        return lines;
    }

    int slots() {
        return bySlot.length;
    }

    /** The batch of a slot, or null when it has none yet. */
    ThreadBuffer at(int slot) {
        return (ThreadBuffer) SLOT.getAcquire(bySlot, slot);
    }

    /** Spins before a platform thread yields: a holder whose carrier the OS switched out needs a core. */
    private static final int SPINS = 100;

    static void lock(ThreadBuffer lines) {
        int spins = 0;
        while (!LOCK.compareAndSet(lines, 0, 1)) {
            // A virtual thread does not yield: rescheduled, it might wait long behind queued threads.
            if (++spins >= SPINS && !VirtualThreads.isVirtual(Thread.currentThread())) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    static void unlock(ThreadBuffer lines) {
        LOCK.setRelease(lines, 0);
    }
}

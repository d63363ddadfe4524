package dev.leaktrace.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The threads inside their first thread-local lookup of a {@link ThreadState}. That lookup makes
 * the thread's map entry (and maybe the map), JDK objects whose traced constructors call the
 * recorder again, which must then see it is re-entered before it looks up anything: a fixed
 * array of threads, written by compare-and-set, allocates nothing. A thread that finds no free
 * slot waits for one; the threads holding slots never wait here, so that always ends.
 */
final class LookupGuard {
    private static final Thread[] INSIDE = new Thread[64];
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Thread[].class);

    private LookupGuard() {
    }

    /** Whether the thread is inside its own lookup (its recorder call is then re-entered). */
    static boolean isInside(Thread thread) {
        for (int i = 0; i < INSIDE.length; i++) {
            if (SLOTS.getVolatile(INSIDE, i) == thread) {
                return true;
            }
        }
        return false;
    }

    /** Takes a slot for the thread and returns its index. */
    static int enter(Thread thread) {
        int start = (int) (thread.getId() & (INSIDE.length - 1));
        while (true) {
            for (int k = 0; k < INSIDE.length; k++) {
                int i = (start + k) & (INSIDE.length - 1);
                if (SLOTS.compareAndSet(INSIDE, i, null, thread)) {
                    return i;
                }
            }
            Thread.yield(); // a virtual thread holding a slot may need this carrier to go on
        }
    }

    static void exit(int slot) {
        SLOTS.setVolatile(INSIDE, slot, null);
    }
}

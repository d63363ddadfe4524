package dev.leaktrace.bootstrap;

/**
 * Marks a thread as busy inside the recorder, so that objects the recorder's own work creates
 * (resolving a type, loading a class, formatting) are not traced and cannot recurse.
 */
final class Guard {
    private static final ThreadLocal<Guard> CURRENT = ThreadLocal.withInitial(Guard::new);

    private boolean busy;

    /** The thread's guard if it was free (now taken), or null when the thread is already inside. */
    static Guard enter() {
        Guard g = CURRENT.get();
        if (g.busy) {
            return null;
        }
        g.busy = true;
        return g;
    }

    void exit() {
        busy = false;
    }
}

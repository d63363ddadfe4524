package dev.leaktrace.bootstrap;

/**
 * Per-object events for a reader outside the log (the agent's JFR events): told of each traced
 * object when it is recorded and when it ends, on the thread that recorded or ended it, which is
 * inside the recorder then (so what it does is not traced). It must not throw.
 */
public interface ObjectEvents {
    void allocated(String type, byte[] site, long id, long size);

    /** @param collectedWithoutDrop the GC collected it, and collection is not the type's drop */
    void ended(String type, long id, long size, boolean collectedWithoutDrop);
}

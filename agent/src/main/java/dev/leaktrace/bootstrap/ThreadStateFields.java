package dev.leaktrace.bootstrap;

/** The fields of {@link ThreadState}, between two cache lines of padding (see {@link CacheLinePadding}). */
abstract class ThreadStateFields extends CacheLinePadding {
    boolean busy;
    /**
     * This thread's newest traced object, kept out of the shared registry until the thread traces
     * the next one: an object closed on the thread that made it, before it made another (the
     * try-with-resources pattern), then never touches a registry lock. Other threads take it from
     * here by compare-and-set (see Registry).
     */
    volatile TrackedRef newest;
    /** The registry that lists this thread's state for searches of {@link #newest}, once it does. */
    Registry listedIn;
    final java.lang.ref.WeakReference<Thread> owner = new java.lang.ref.WeakReference<>(Thread.currentThread());
    /** This thread's output buffer, and the sink it belongs to (a new sink means a new buffer). */
    ThreadBuffer buffer;
    LineSink bufferSink;
    /** The announcement stacks (see ThreadState.push), with unused padding at both ends. */
    Class<?>[] types = new Class<?>[16 + 16 + 16];
    int[] sites = new int[16 + 16 + 16];
    /** Identity hash of the object an entry was bound to (once its constructor's super() returned), else 0. */
    int[] objects = new int[16 + 16 + 16];
    int depth;

    long nextId;
    long idLimit;
    int idEpoch = -1;
}

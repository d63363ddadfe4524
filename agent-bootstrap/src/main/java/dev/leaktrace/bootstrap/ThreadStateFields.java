package dev.leaktrace.bootstrap;

/** The fields of {@link ThreadState}, between two cache lines of padding (see {@link CacheLinePadding}). */
abstract class ThreadStateFields extends IdText {
    boolean busy;
    /**
     * This thread's newest traced object, kept out of the shared registry until the thread traces
     * the next one: an object closed on the thread that made it, before it made another (the
     * try-with-resources pattern), then never touches a registry lock.
     */
    volatile TrackedRef newest;
    /** The registry that lists this thread's state for searches of {@link #newest}, once it does. */
    Registry listedIn;
    /**
     * The owning thread, held strongly so that finding a thread's state is one comparison: a
     * thread that ended stays reachable from here until the reaper's next sweep (at most a
     * second) forgets its state.
     */
    final Thread owner = Thread.currentThread();
    /** This thread's output buffer, and the sink it belongs to (a new sink means a new buffer). */
    ThreadBuffer buffer;
    LineSink bufferSink;
    /** The announcement stacks (see ThreadState.push), with unused padding at both ends. */
    Class<?>[] types = new Class<?>[16 + 16 + 16];
    int[] sites = new int[16 + 16 + 16];
    /**
     * The registry entry made for the object an announcement was bound to (once its
     * constructor's super() returned), else null; weak, so an entry left by a constructor that
     * threw keeps nothing alive.
     */
    TrackedRef[] bound = new TrackedRef[16 + 16 + 16];
    /** The site of the announcement {@link ThreadState#pop} found last. */
    int poppedSite;

    int depth;
    /**
     * The sites of the calls from application code into library code now running on this thread,
     * innermost last (see ThreadState.enterLibrary).
     */
    int[] marks = new int[16];
    int markDepth;

    /** This thread's counts per type and site, when the recording counts (see {@link Counting}). */
    ThreadCounts counts;

    long nextId;
    long idLimit;
    int idEpoch = -1;
}

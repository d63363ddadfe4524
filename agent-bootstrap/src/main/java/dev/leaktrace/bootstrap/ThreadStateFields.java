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
     * second) forgets its state. Null for a state that {@link VirtualStates} lends to virtual
     * threads in turn.
     */
    final Thread owner;
    /**
     * A virtual thread's state of its own, made when every lent state was in use: it has no buffer
     * (its lines are handed to the writer one by one) and no newest slot (its objects go straight
     * into the registry's segments), so nothing lists it and nothing of it outlives it.
     */
    final boolean virtual;
    /**
     * Whether {@link VirtualStates} lent this state to the virtual thread using it, which gives it
     * back once idle: out of the recorder, with no construction and no marked library call in
     * progress.
     */
    final boolean lent;
    /** The lent state's place in {@link VirtualStates}; -1 for a state of one thread. */
    final int slot;
    /** This thread's output buffer, and the sink it belongs to (a new sink means a new buffer). */
    ThreadBuffer buffer;
    LineSink bufferSink;
    /**
     * Elements left unused at both ends of the announcement stacks: a cache line between the
     * slots written per object and whatever object the GC puts next to the arrays. None for a
     * virtual thread's own state, made for one thread (so small stacks too).
     */
    final int pad;
    /** The announcement stacks (see ThreadState.push), with {@link #pad} unused at both ends. */
    Class<?>[] types;
    int[] sites;
    /**
     * The registry entry made for the object an announcement was bound to (once its
     * constructor's super() returned), else null; weak, so an entry left by a constructor that
     * threw keeps nothing alive.
     */
    TrackedRef[] bound;
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

    /** The state of {@code owner}, or with a null owner one lent in turn from {@code slot}. */
    ThreadStateFields(Thread owner, int slot) {
        this.owner = owner;
        this.virtual = owner != null && VirtualThreads.isVirtual(owner);
        this.lent = owner == null || virtual;
        this.slot = slot;
        this.pad = virtual ? 0 : 16;
        this.types = new Class<?>[pad + (virtual ? 4 : 16) + pad];
        this.sites = new int[types.length];
        this.bound = new TrackedRef[types.length];
    }
}

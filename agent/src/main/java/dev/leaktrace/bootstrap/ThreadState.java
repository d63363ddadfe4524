package dev.leaktrace.bootstrap;

/**
 * What the recorder keeps per thread, behind one thread-local lookup per event: whether the thread
 * is inside the recorder, the sites announced by rewritten {@code new} expressions whose
 * constructors are still running, and a block of ids to hand out without touching shared state.
 */
final class ThreadState {
    /** pop(): nothing was announced for this object; find its site by walking the stack. */
    static final int NO_SITE = -1;
    /** Past this, the oldest half goes: in-progress constructions never nest that deep. */
    private static final int MAX_DEPTH = 1024;
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

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

    private static final java.lang.invoke.VarHandle NEWEST;

    static {
        try {
            NEWEST = java.lang.invoke.MethodHandles.lookup().findVarHandle(ThreadState.class, "newest",
                    TrackedRef.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    boolean replaceNewest(TrackedRef expected, TrackedRef next) {
        return NEWEST.compareAndSet(this, expected, next);
    }

    boolean isOrphan() {
        Thread thread = owner.get();
        return thread == null || !thread.isAlive();
    }
    /** This thread's output buffer, and the sink it belongs to (a new sink means a new buffer). */
    ThreadBuffer buffer;
    LineSink bufferSink;
    private Class<?>[] types = new Class<?>[16];
    private int[] sites = new int[16];
    /** Identity hash of the object an entry was bound to (once its constructor's super() returned), else 0. */
    private int[] objects = new int[16];
    private int depth;

    long nextId;
    long idLimit;
    int idEpoch = -1;

    /**
     * The states of recently seen threads, by thread id: a hit costs two reads, where a
     * {@code ThreadLocal} lookup (four per traced object) costs a hash probe. Each thread fills
     * only its own slot, on a miss; two threads that share a slot both fall back to the lookup.
     */
    private static final ThreadState[] RECENT = new ThreadState[256];

    static ThreadState current() {
        Thread thread = Thread.currentThread();
        int slot = (int) thread.getId() & (RECENT.length - 1);
        ThreadState recent = RECENT[slot];
        // The identity check, not the id: it holds whatever a Thread subclass makes getId() return.
        if (recent != null && recent.owner.refersTo(thread)) {
            return recent;
        }
        ThreadState state = CURRENT.get();
        RECENT[slot] = state;
        return state;
    }

    /** Forgets the cached states of threads that ended, so that their buffers can be collected. */
    static void forgetFinishedThreads() {
        for (int i = 0; i < RECENT.length; i++) {
            ThreadState recent = RECENT[i];
            if (recent != null && recent.isOrphan()) {
                RECENT[i] = null;
            }
        }
    }

    /** A rewritten {@code new type(...)} is about to call the constructor. */
    void push(Class<?> type, int site) {
        if (depth == types.length) {
            if (depth == MAX_DEPTH) {
                // Only constructors that threw leave entries behind, at the bottom; keep the newest.
                int keep = MAX_DEPTH / 2;
                System.arraycopy(types, depth - keep, types, 0, keep);
                System.arraycopy(sites, depth - keep, sites, 0, keep);
                System.arraycopy(objects, depth - keep, objects, 0, keep);
                java.util.Arrays.fill(types, keep, depth, null);
                depth = keep;
            } else {
                types = java.util.Arrays.copyOf(types, depth * 2);
                sites = java.util.Arrays.copyOf(sites, depth * 2);
                objects = java.util.Arrays.copyOf(objects, depth * 2);
            }
        }
        types[depth] = type;
        objects[depth] = 0;
        sites[depth++] = site;
    }

    /**
     * In a constructor of {@code type}, right after its super(...) returned: the newest unbound
     * announcement of that type is this object's (announced just before its constructor ran).
     */
    void bind(Class<?> type, int object) {
        for (int i = depth - 1; i >= 0; i--) {
            if (types[i] == type && objects[i] == 0) {
                objects[i] = object;
                return;
            }
        }
    }

    /**
     * At the exit of an object's outermost constructor: the announcement bound to it, found from
     * the top. Entries above it were left by constructors that threw (their exit never ran) and
     * go; when there is none (reflection, code not rewritten), nothing is touched: the entries
     * below belong to constructions still running, or to ones that threw, which must not lend
     * their site to this object.
     */
    int pop(Class<?> type, int object) {
        for (int i = depth - 1; i >= 0; i--) {
            if (types[i] == type && objects[i] == object) {
                int site = sites[i];
                java.util.Arrays.fill(types, i, depth, null);
                depth = i;
                return site;
            }
        }
        return NO_SITE;
    }
}

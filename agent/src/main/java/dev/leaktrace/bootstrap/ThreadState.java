package dev.leaktrace.bootstrap;

/**
 * What the recorder keeps per thread, behind one thread-local lookup per event: whether the thread
 * is inside the recorder, the sites announced by rewritten {@code new} expressions whose
 * constructors are still running, and a block of ids to hand out without touching shared state.
 */
final class ThreadState {
    /** pop(): nothing was announced for this object; find its site by walking the stack. */
    static final int NO_SITE = -1;
    /** pop(): the constructor was called by this(...); the calling constructor reports the object. */
    static final int DELEGATED = -2;
    private static final int MAX_DEPTH = 1024;
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

    boolean busy;
    /** This thread's output buffer, and the sink it belongs to (a new sink means a new buffer). */
    ThreadBuffer buffer;
    LineSink bufferSink;
    private Class<?>[] types = new Class<?>[16];
    private int[] sites = new int[16];
    private int depth;

    long nextId;
    long idLimit;
    int idEpoch = -1;

    static ThreadState current() {
        return CURRENT.get();
    }

    /** A rewritten {@code new type(...)} (or {@code this(...)}) is about to call the constructor. */
    void push(Class<?> type, int site) {
        if (depth == types.length) {
            if (depth == MAX_DEPTH) {
                depth = 0; // only constructors that threw leave entries behind; start afresh
            } else {
                types = java.util.Arrays.copyOf(types, depth * 2);
                sites = java.util.Arrays.copyOf(sites, depth * 2);
            }
        }
        types[depth] = type;
        sites[depth++] = site;
    }

    /**
     * At the exit of an object's outermost constructor: the announcement for it. Entries above it
     * were left by constructors that threw (their exit never ran) and are dropped on the way.
     */
    int pop(Class<?> type) {
        while (depth > 0) {
            depth--;
            Class<?> announced = types[depth];
            types[depth] = null;
            if (announced == type) {
                return sites[depth];
            }
        }
        return NO_SITE;
    }
}

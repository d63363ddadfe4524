package dev.leaktrace.bootstrap;

/**
 * What the recorder keeps per thread, behind one thread-local lookup per event: whether the thread
 * is inside the recorder, the sites announced by rewritten {@code new} expressions whose
 * constructors are still running, and a block of ids to hand out without touching shared state.
 */
final class ThreadState extends ThreadStateFields {
    /** The cache line after the fields (see {@link CacheLinePadding}). */
    long q00;
    long q01;
    long q02;
    long q03;
    long q04;
    long q05;
    long q06;
    long q07;

    /** pop(): nothing was announced for this object; find its site by walking the stack. */
    static final int NO_SITE = -1;
    /** The site of a delegation mark; pop() found one: the exiting constructor was called by this(...). */
    static final int DELEGATING = -2;
    /** Past this, the oldest half goes: in-progress constructions never nest that deep. */
    private static final int MAX_DEPTH = 1024;
    private static final ThreadLocal<ThreadState> CURRENT = new Current();

    /** The calling thread's own state. */
    ThreadState() {
        super(Thread.currentThread(), -1);
    }

    /** A state that {@link VirtualStates} lends from {@code slot} to one virtual thread at a time. */
    ThreadState(int slot) {
        super(null, slot);
    }

    private static final class Current extends ThreadLocal<ThreadState> {
        @Override
        protected ThreadState initialValue() {
            ThreadState state = new ThreadState();
            state.busy = AgentThreads.isOwn(state.owner); // the agent's own threads are never traced
            return state;
        }
    }


    private static final java.lang.invoke.VarHandle NEWEST;

    static {
        try {
            NEWEST = java.lang.invoke.MethodHandles.lookup().findVarHandle(ThreadStateFields.class, "newest",
                    TrackedRef.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    boolean replaceNewest(TrackedRef expected, TrackedRef next) {
        return NEWEST.compareAndSet(this, expected, next);
    }

    /** A thread's own state whose thread ended; never a lent one, which outlives its borrowers. */
    boolean isOrphan() {
        return owner != null && !owner.isAlive();
    }

    /** Out of the recorder, with no construction and no marked library call in progress. */
    boolean isIdle() {
        return !busy && depth == 0 && markDepth == 0;
    }

    /**
     * For the next borrower of a lent state whose borrower ended in the middle (a constructor that
     * threw): forgets its announcements and marks. Its newest object stays: it is any thread's.
     */
    void clearForNextBorrower() {
        java.util.Arrays.fill(types, null);
        java.util.Arrays.fill(bound, null);
        depth = 0;
        markDepth = 0;
        busy = false;
    }
    /**
     * The states of recently seen threads, by thread id: a hit costs two reads, where a
     * {@code ThreadLocal} lookup (four per traced object) costs a hash probe. Each thread fills
     * only its own slot, on a miss; two threads that share a slot both fall back to the lookup.
     */
    private static final ThreadState[] RECENT = new ThreadState[256];

    /**
     * The calling thread's state; null when the call comes from inside the thread's own first
     * lookup (see {@link LookupGuard}), so the caller records nothing. A virtual thread's is lent
     * (see {@link VirtualStates}): whoever marks it busy or pushes onto it hands it to
     * {@link #giveBackIfIdle} when done.
     */
    static ThreadState current() {
        Thread thread = Thread.currentThread();
        int slot = (int) thread.getId() & (RECENT.length - 1);
        ThreadState recent = RECENT[slot];
        // The identity check, not the id: it holds whatever a Thread subclass makes getId() return.
        if (recent != null && recent.owner == thread) {
            return recent;
        }
        if (VirtualThreads.isVirtual(thread)) {
            return VirtualStates.current(thread);
        }
        if (LookupGuard.isInside(thread)) {
            return null;
        }
        int guard = LookupGuard.enter(thread);
        try {
            ThreadState state = CURRENT.get();
            RECENT[slot] = state;
            return state;
        } finally {
            LookupGuard.exit(guard);
        }
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
        if (pad + depth + pad == types.length) {
            if (depth == MAX_DEPTH) {
                // Only constructors that threw leave entries behind, at the bottom; keep the newest.
                int keep = MAX_DEPTH / 2;
                System.arraycopy(types, pad + depth - keep, types, pad, keep);
                System.arraycopy(sites, pad + depth - keep, sites, pad, keep);
                System.arraycopy(bound, pad + depth - keep, bound, pad, keep);
                java.util.Arrays.fill(types, pad + keep, pad + depth, null);
                java.util.Arrays.fill(bound, pad + keep, pad + depth, null);
                depth = keep;
            } else {
                types = java.util.Arrays.copyOf(types, pad + depth * 2 + pad);
                sites = java.util.Arrays.copyOf(sites, pad + depth * 2 + pad);
                bound = java.util.Arrays.copyOf(bound, pad + depth * 2 + pad);
            }
        }
        int at = pad + depth++;
        types[at] = type;
        bound[at] = null;
        sites[at] = site;
    }

    /**
     * In a constructor of {@code type}, right after its super() returned: the newest unbound
     * announcement of that type is this object's (announced just before its constructor ran);
     * its index, or -1 when there is none (reflection, code not rewritten). Delegation marks are
     * not announcements.
     */
    int unbound(Class<?> type) {
        for (int i = pad + depth - 1; i >= pad; i--) {
            if (types[i] == type && bound[i] == null && sites[i] != DELEGATING) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A constructor of {@code type} is about to call another one with this(...): the mark tells
     * the called constructor's exit that it is not the outermost. Marks, like announcements, are
     * bound to the object once its super() returned; one left by a constructor that threw is
     * cleared by the next exit below it, as announcements are.
     */
    void pushDelegation(Class<?> type) {
        push(type, DELEGATING);
    }

    /** Whether an unbound delegation mark of {@code type} is on top (an object no {@code new} announced). */
    boolean delegationOnTop(Class<?> type) {
        int top = pad + depth - 1;
        return top >= pad && types[top] == type && sites[top] == DELEGATING && bound[top] == null;
    }

    /**
     * Binds the announcement at {@code index} (from {@link #unbound}, or -1) to the object's
     * entry, and the delegation marks its this(...) calls pushed since: the unbound marks of
     * {@code type} above the announcement, or without one, those on top.
     */
    void bind(int index, Class<?> type, TrackedRef entry) {
        if (index >= 0) {
            bound[index] = entry;
            for (int i = pad + depth - 1; i > index; i--) {
                if (types[i] == type && sites[i] == DELEGATING && bound[i] == null) {
                    bound[i] = entry;
                }
            }
            return;
        }
        for (int i = pad + depth - 1; i >= pad && types[i] == type && sites[i] == DELEGATING && bound[i] == null; i--) {
            bound[i] = entry;
        }
    }

    /**
     * At the exit of an object's constructor: the entry its announcement or newest delegation mark
     * was bound to, found from the top, with the announcement's site (or {@link #DELEGATING}) left
     * in {@link #poppedSite}. Entries above
     * it were left by constructors that threw (their exit never ran) and go; when there is none
     * (reflection, code not rewritten), nothing is touched and the site is {@link #NO_SITE}: the
     * entries below belong to constructions still running, or to ones that threw, which must not
     * lend their site to this object.
     */
    TrackedRef pop(Class<?> type, Object object) {
        for (int i = pad + depth - 1; i >= pad; i--) {
            TrackedRef entry = bound[i];
            if (types[i] == type && entry != null && entry.refersTo(object)) {
                poppedSite = sites[i];
                for (int j = i; j < pad + depth; j++) {
                    types[j] = null;
                    bound[j] = null;
                }
                depth = i - pad;
                return entry;
            }
        }
        poppedSite = NO_SITE;
        return null;
    }

    /** Past this depth of nested library calls, marks are counted but not kept. */
    private static final int MAX_MARKS = 4096;

    /**
     * A marked call from application code into library code is about to run: a traced object the
     * library makes before it returns belongs to {@code site}. Its bridge leaves on every exit.
     */
    void enterLibrary(int site) {
        int at = markDepth++;
        if (at >= marks.length) {
            if (at >= MAX_MARKS) {
                return;
            }
            marks = java.util.Arrays.copyOf(marks, Math.min(MAX_MARKS, marks.length * 2));
        }
        marks[at] = site;
    }

    void leaveLibrary() {
        if (markDepth > 0) {
            markDepth--;
        }
    }

    /** Gives a lent state back once idle; a thread's own state stays. */
    static void giveBackIfIdle(ThreadState state) {
        if (state.lent && state.isIdle()) {
            VirtualStates.giveBack(state);
        }
    }

    /** Sets the newest object; the owning thread's call. */
    void setNewest(TrackedRef entry) {
        NEWEST.setRelease(this, entry);
    }
}

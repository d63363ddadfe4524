package dev.leaktrace.bootstrap;

/**
 * Starts the recording, and takes the calls that rewritten bytecode makes (the names and
 * descriptors {@code TracingClassVisitor} emits). Each call returns quickly for objects that are
 * not traced and never throws into the application. What is recorded is asked for through
 * {@link RecorderQueries}.
 */
public final class Recorder {
    private Recorder() {
    }

    /** Starts recording; the first call wins, later ones return false. */
    public static boolean start(TypeResolver resolver, LineSink sink) {
        return start(resolver, sink, RecordingOptions.ALL);
    }

    /** Starts recording with the given options; the first call wins, later ones return false. */
    public static synchronized boolean start(TypeResolver resolver, LineSink sink, RecordingOptions options) {
        if (Recording.active != null) {
            return false;
        }
        // Their compare-and-set handles spin classes at first use: not inside a traced constructor.
        new TrackedRef(new Object(), null, TypeInfo.UNTRACED).end();
        ThreadState.current().replaceNewest(null, null);
        VirtualStates.forgetEndedBorrowers(); // initialized here, not inside a traced constructor
        Recording recording = new Recording(resolver, sink, options);
        sink.beforeExit(recording.reaper.atExit());
        Thread reaper = AgentThreads.newThread(recording.reaper, "leaktrace-gc-watch");
        reaper.start();
        if (recording.watch != null) {
            AgentThreads.newThread(recording.watch, "leaktrace-survivors").start();
        }
        Recording.active = recording;
        return true;
    }

    /**
     * The calling thread's state, marked busy, when it may record: recording has started and the
     * thread is not inside the recorder already (nor the agent's own thread, nor inside its first
     * thread-local lookup). Checked before anything that could construct an object, since with
     * JDK classes traced (exceptions, strings, class values, thread-locals, stack walking) any
     * such work re-enters the recorder. Null otherwise; a non-null state is handed back to
     * {@link #leave}.
     */
    private static ThreadState enter() {
        if (Recording.active == null) {
            return null;
        }
        ThreadState thread;
        try {
            thread = ThreadState.current();
        } catch (Throwable failure) {
            Warnings.internalError(failure);
            return null;
        }
        if (thread == null || thread.busy) {
            return null;
        }
        thread.busy = true;
        return thread;
    }

    private static void leave(ThreadState thread) {
        thread.busy = false;
        if (thread.lent) {
            ThreadState.giveBackIfIdle(thread);
        }
    }

    /**
     * Marks the calling thread as doing the agent's own work (the class file transformer, dumps):
     * nothing it constructs meanwhile is recorded. True when this call marked it, to be handed to
     * {@link #resumeThread}.
     */
    public static boolean pauseThread() {
        try {
            return enter() != null;
        } catch (Throwable failure) {
            return false;
        }
    }

    public static void resumeThread(boolean paused) {
        if (paused) {
            ThreadState thread = ThreadState.current();
            if (thread != null) {
                leave(thread);
            }
        }
    }

    /**
     * Called by a rewritten {@code new type(...)} just before the constructor runs: the object
     * about to be built was asked for at {@code site} (a number from {@link Sites}).
     */
    public static void expect(Class<?> type, int site) {
        ThreadState thread = enter();
        if (thread == null) {
            return;
        }
        try {
            thread.push(type, site);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            leave(thread);
        }
    }

    /**
     * Called by a rewritten constructor of {@code type} just before it calls another constructor
     * of its own class with this(...): decided when the class was rewritten, so no constructor
     * exit needs a stack walk to know whether it is the outermost.
     */
    public static void delegating(Class<?> type) {
        ThreadState thread = enter();
        if (thread == null) {
            return;
        }
        try {
            thread.pushDelegation(type);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            leave(thread);
        }
    }

    /**
     * Called by the bridge of a marked call from application code into library code, just before
     * the call: objects the library makes until {@link #leaveLibrary} belong to {@code site}.
     */
    public static void enterLibrary(int site) {
        try {
            ThreadState thread = ThreadState.current();
            if (thread != null) { // null inside the thread's first lookup
                thread.enterLibrary(site);
            }
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        }
    }

    /** Called by the same bridge when the call returned or threw. */
    public static void leaveLibrary() {
        try {
            ThreadState thread = ThreadState.current();
            if (thread != null) {
                thread.leaveLibrary();
                ThreadState.giveBackIfIdle(thread);
            }
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        }
    }

    /**
     * Called in every constructor of a traced class right after its super(...) or this(...) call
     * returned: binds the announcement of the object's {@code new} (and the marks of its
     * this(...) calls) to the object itself, so that an announcement left behind by a constructor
     * that threw is never taken for another object's. The binding is the object's registry entry,
     * made here (weak: it keeps nothing alive).
     */
    public static void bind(Object self, Class<?> declaringClass) {
        if (self == null || self.getClass() != declaringClass) {
            return;
        }
        ThreadState thread = enter();
        if (thread == null) {
            return;
        }
        try {
            int index = thread.unbound(declaringClass);
            if (index >= 0 || thread.delegationOnTop(declaringClass)) {
                Recording recording = Recording.active;
                TypeInfo info = recording.typeOf(declaringClass);
                thread.bind(index, declaringClass, info.traced
                        ? recording.registry.entryFor(self, info)
                        : new TrackedRef(self, null, TypeInfo.UNTRACED));
            }
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            leave(thread);
        }
    }

    /**
     * Called at the exit of every constructor of an instrumented class. Only the constructor of the
     * object's own runtime class counts (at a superclass constructor's exit the object is not
     * finished), and of those only the outermost: a constructor called by {@code this(...)} finds
     * the mark its caller pushed, and leaves the object to it. The size is taken, and the line
     * printed, when the outermost constructor returns.
     */
    public static void constructed(Object self, Class<?> declaringClass) {
        if (self == null || self.getClass() != declaringClass) {
            return;
        }
        ThreadState thread = enter();
        if (thread == null) {
            return;
        }
        try {
            TrackedRef bound = thread.pop(declaringClass, self);
            int site = thread.poppedSite;
            if (site != ThreadState.DELEGATING) {
                Recording.active.record(self, bound, declaringClass, site, thread);
            }
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            leave(thread);
        }
    }

    /** Called when a drop method returned normally; the first such return drops the object. */
    public static void released(Object self) {
        if (self == null) {
            return;
        }
        ThreadState thread = enter();
        if (thread == null) {
            return;
        }
        try {
            Recording.active.drop(self, thread);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            leave(thread);
        }
    }

    /**
     * Called when a drop method returning a boolean returned normally, with what it returned: for
     * an entry with {@code drop-if-true} only a {@code true} (the release that freed the object)
     * drops it, otherwise as {@link #released}.
     */
    public static void releasedIf(boolean freed, Object self) {
        if (self == null) {
            return;
        }
        ThreadState thread = enter();
        if (thread == null) {
            return;
        }
        try {
            Recording recording = Recording.active;
            if (freed || !recording.typeOf(self.getClass()).dropIfTrue) {
                recording.drop(self, thread);
            }
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            leave(thread);
        }
    }

    /**
     * Called when a renew method returned normally (a pool handing out a recycled object): the
     * object's previous life ends and a new one starts here, with a new id at this call's site.
     * {@code site} is the return's line, numbered like a {@code new}'s, or -1.
     */
    public static void renewed(Object self, int site) {
        if (self == null) {
            return;
        }
        ThreadState thread = enter();
        if (thread == null) {
            return;
        }
        try {
            Recording.active.renew(self, site, thread);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            leave(thread);
        }
    }
}

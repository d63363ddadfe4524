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
        Recording recording = new Recording(resolver, sink, options);
        sink.beforeExit(recording.reaper.atExit());
        Thread reaper = new Thread(recording.reaper, "leaktrace-gc-watch");
        reaper.setDaemon(true);
        reaper.start();
        if (recording.watch != null) {
            AgentThreads.newThread(recording.watch, "leaktrace-survivors").start();
        }
        Recording.active = recording;
        return true;
    }

    /**
     * Called by a rewritten {@code new type(...)} just before the constructor runs: the object
     * about to be built was asked for at {@code site} (a number from {@link Sites}).
     */
    public static void expect(Class<?> type, int site) {
        try {
            ThreadState.current().push(type, site);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        }
    }

    /**
     * Called by the bridge of a marked call from application code into library code, just before
     * the call: objects the library makes until {@link #leaveLibrary} belong to {@code site}.
     */
    public static void enterLibrary(int site) {
        try {
            ThreadState.current().enterLibrary(site);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        }
    }

    /** Called by the same bridge when the call returned or threw. */
    public static void leaveLibrary() {
        try {
            ThreadState.current().leaveLibrary();
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        }
    }

    /**
     * Called in every constructor of a traced class right after its super(...) or this(...) call
     * returned: binds the announcement of the object's {@code new} to the object itself, so that an
     * announcement left behind by a constructor that threw is never taken for another object's.
     * The binding is the object's registry entry, made here (weak: it keeps nothing alive).
     */
    public static void bind(Object self, Class<?> declaringClass) {
        try {
            if (self != null && self.getClass() == declaringClass) {
                ThreadState thread = ThreadState.current();
                int index = thread.unbound(declaringClass);
                if (index >= 0) {
                    Recording recording = Recording.active;
                    TypeInfo info = recording == null ? TypeInfo.UNTRACED : recording.typeOf(declaringClass);
                    thread.bind(index, recording == null || !info.traced
                            ? new TrackedRef(self, null, TypeInfo.UNTRACED)
                            : recording.registry.entryFor(self, info));
                }
            }
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        }
    }

    /**
     * Called at the exit of every constructor of an instrumented class. Only the constructor of the
     * object's own runtime class counts (at a superclass constructor's exit the object is not
     * finished), and of those only the outermost: a constructor called by {@code this(...)} leaves
     * the object to its caller (see {@link Delegations}). The size is taken, and the line printed,
     * when the outermost constructor returns.
     */
    public static void constructed(Object self, Class<?> declaringClass) {
        if (self == null || self.getClass() != declaringClass) {
            return;
        }
        ThreadState thread = null;
        try {
            Recording recording = Recording.active;
            boolean delegates = Delegations.hasAny(declaringClass);
            if (recording != null && delegates && recording.sites.calledByThis(declaringClass)) {
                return;
            }
            thread = ThreadState.current();
            TrackedRef bound = thread.pop(declaringClass, self);
            if (recording == null || thread.busy) {
                thread = null;
                return;
            }
            thread.busy = true;
            recording.record(self, bound, declaringClass, delegates, thread.poppedSite, thread);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            if (thread != null) {
                thread.busy = false;
            }
        }
    }

    /** Called when a drop method returned normally; the first such return drops the object. */
    public static void released(Object self) {
        Recording recording = Recording.active;
        if (recording == null || self == null) {
            return;
        }
        ThreadState thread = null;
        try {
            thread = ThreadState.current();
            if (thread.busy) {
                thread = null;
                return;
            }
            thread.busy = true;
            recording.drop(self, thread);
        } catch (Throwable failure) {
            Warnings.internalError(failure);
        } finally {
            if (thread != null) {
                thread.busy = false;
            }
        }
    }
}

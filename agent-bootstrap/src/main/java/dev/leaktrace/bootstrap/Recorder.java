package dev.leaktrace.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The entry points that instrumented code calls. Each returns quickly for objects that are not
 * traced and never throws into the application.
 */
public final class Recorder {
    private static volatile Recorder active;

    private final TypeResolver resolver;
    private final LineSink sink;
    private final Registry registry = new Registry();
    private final SiteFinder sites = new SiteFinder();
    private final StackRecorder stacks = new StackRecorder();
    private final AtomicLong ids = new AtomicLong();
    private final ClassValue<TypeInfo> types = new ClassValue<>() {
        @Override
        protected TypeInfo computeValue(Class<?> type) {
            try {
                TypeInfo info = resolver.resolve(type);
                return info == null ? TypeInfo.UNTRACED : info;
            } catch (Throwable failure) {
                Warnings.warn("cannot trace " + type.getName() + ": " + failure);
                return TypeInfo.UNTRACED;
            }
        }
    };

    private Recorder(TypeResolver resolver, LineSink sink) {
        this.resolver = resolver;
        this.sink = sink;
    }

    /** Starts recording; the first call wins, later ones return false. */
    public static synchronized boolean start(TypeResolver resolver, LineSink sink) {
        if (active != null) {
            return false;
        }
        // Their compare-and-set handles spin classes at first use: not inside a traced constructor.
        new TrackedRef(new Object(), null, TypeInfo.UNTRACED).end();
        ThreadState.current().replaceNewest(null, null);
        Recorder recorder = new Recorder(resolver, sink);
        sink.beforeExit(recorder.new ReapAtExit());
        Thread reaper = new Thread(recorder.new Reaper(), "leaktrace-gc-watch");
        reaper.setDaemon(true);
        reaper.start();
        active = recorder;
        return true;
    }

    public static boolean isStarted() {
        return active != null;
    }

    /**
     * Called by a rewritten {@code new type(...)} just before the constructor runs: the object
     * about to be built was asked for at {@code site} (a number from {@link Sites}).
     */
    public static void expect(Class<?> type, int site) {
        try {
            ThreadState.current().push(type, site);
        } catch (Throwable failure) {
            internalError(failure);
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
                    Recorder recorder = active;
                    TypeInfo info = recorder == null ? TypeInfo.UNTRACED : recorder.types.get(declaringClass);
                    thread.bind(index, recorder == null || !info.traced
                            ? new TrackedRef(self, null, TypeInfo.UNTRACED)
                            : recorder.registry.entryFor(self, info));
                }
            }
        } catch (Throwable failure) {
            internalError(failure);
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
            Recorder recorder = active;
            boolean delegates = Delegations.hasAny(declaringClass);
            if (recorder != null && delegates && recorder.sites.calledByThis(declaringClass)) {
                return;
            }
            thread = ThreadState.current();
            TrackedRef bound = thread.pop(declaringClass, self);
            if (recorder == null || thread.busy) {
                thread = null;
                return;
            }
            thread.busy = true;
            recorder.record(self, bound, declaringClass, delegates, thread.poppedSite, thread);
        } catch (Throwable failure) {
            internalError(failure);
        } finally {
            if (thread != null) {
                thread.busy = false;
            }
        }
    }

    /** Called when a drop method returned normally; the first such return drops the object. */
    public static void released(Object self) {
        Recorder recorder = active;
        if (recorder == null || self == null) {
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
            recorder.drop(self, thread);
        } catch (Throwable failure) {
            internalError(failure);
        } finally {
            if (thread != null) {
                thread.busy = false;
            }
        }
    }

    private void record(Object self, TrackedRef bound, Class<?> type, boolean delegates, int site, ThreadState thread) {
        TypeInfo info = bound != null ? bound.type : types.get(type);
        if (!info.traced) {
            return;
        }
        TrackedRef entry = registry.claim(self, bound, info, thread, delegates);
        if (entry == null) {
            return; // already reported: a constructor that did not announce this(...)
        }
        entry.size = info.sizeOf(self);
        entry.site = site == ThreadState.NO_SITE ? sites.siteOf(type) : Sites.token(site);
        entry.id = nextId(thread);
        byte[] frames = info.stackDepth > 0 ? stacks.framesFor(type, entry.site, info.stackDepth) : null;
        sink.allocate(thread, entry, info.nameBytes, frames);
    }

    private static final int ID_BLOCK = 256;
    /** Bumped by {@link #lastId()} so that every thread takes a fresh block of ids after it. */
    private volatile int idEpoch;

    /** Ids come in per-thread blocks: unique, without two threads meeting on one counter per object. */
    private long nextId(ThreadState thread) {
        int epoch = idEpoch;
        if (thread.nextId == thread.idLimit || thread.idEpoch != epoch) {
            long start = ids.getAndAdd(ID_BLOCK);
            thread.nextId = start + 1;
            thread.idLimit = start + 1 + ID_BLOCK;
            thread.idEpoch = epoch;
        }
        return thread.nextId++;
    }

    private void drop(Object self, ThreadState thread) {
        TrackedRef entry;
        TrackedRef own = thread.newest;
        if (own != null && own.refersTo(self)) {
            // The try-with-resources case: the thread's newest object, no lookup needed.
            entry = registry.takeNewest(thread, own);
        } else if (types.get(self.getClass()).traced) {
            entry = registry.removeElsewhere(self);
        } else {
            return;
        }
        if (entry == null) {
            return;
        }
        // No clear(): the removed entry is unreachable now, so the GC will not enqueue it.
        sink.release(thread, entry, LineFormat.DROP);
    }

    private final class Reaper implements Runnable {
        @Override
        public void run() {
            reapCollected();
        }
    }

    /**
     * At exit: the collections the GC has queued and the reaper thread has not reached yet. Without
     * this, an object collected just before the JVM ended looked leaked, depending on whether that
     * thread ran in between (the demo's before/after diff saw it as a new leak now and then).
     */
    private final class ReapAtExit implements Runnable {
        @Override
        public void run() {
            reapQueued();
        }
    }

    /** Reports every collection the GC has queued so far. */
    private void reapQueued() {
        java.lang.ref.Reference<?> next;
        while ((next = registry.collected.poll()) != null) {
            reap((TrackedRef) next);
        }
    }

    /** Turns collections by the GC into lines: a drop for {@code gc} types, {@code @GC} otherwise. */
    private void reapCollected() {
        long nextSweep = System.currentTimeMillis() + SWEEP_INTERVAL_MS;
        while (true) {
            try {
                TrackedRef entry = (TrackedRef) registry.collected.remove(SWEEP_INTERVAL_MS);
                if (entry != null) {
                    reaping = true;
                    reap(entry);
                }
                if (System.currentTimeMillis() >= nextSweep) {
                    registry.forgetFinishedThreads();
                    ThreadState.forgetFinishedThreads();
                    nextSweep = System.currentTimeMillis() + SWEEP_INTERVAL_MS;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable failure) {
                internalError(failure);
            } finally {
                reaping = false;
            }
        }
    }

    private volatile boolean reaping;
    /** How often threads that ended are forgotten (their newest objects moved into the registry). */
    private static final long SWEEP_INTERVAL_MS = 1000;

    private void reap(TrackedRef entry) {
        // An entry made when a constructor bound its object, but never recorded (the
        // constructor threw): its object was never reported, so neither is its collection.
        if (entry.id != 0 && registry.removeEntry(entry)) {
            sink.release(ThreadState.current(), entry, entry.type.dropOnGc ? LineFormat.DROP : LineFormat.GC);
        }
    }

    /**
     * Runs the GC until a fresh weakly reachable object is gone (at most {@code maxMillis}), then
     * reports every traced object it collected before returning, so that a caller (a test gate)
     * sees {@code gc} drops at once.
     */
    public static void collectGarbage(long maxMillis) throws InterruptedException {
        java.lang.ref.WeakReference<Object> sentinel = new java.lang.ref.WeakReference<>(new Object());
        long deadline = System.currentTimeMillis() + maxMillis;
        do {
            System.gc();
            Thread.sleep(10);
        } while (sentinel.get() != null && System.currentTimeMillis() < deadline);
        Recorder recorder = active;
        if (recorder == null) {
            return;
        }
        recorder.reapQueued();
        while (recorder.reaping && System.currentTimeMillis() < deadline + 1000) {
            Thread.sleep(1);
        }
    }

    /**
     * A mark: every object created after this call, on any thread, gets a larger id (threads take
     * a fresh block of ids after it).
     */
    public static long lastId() {
        Recorder recorder = active;
        if (recorder == null) {
            return 0;
        }
        recorder.idEpoch++;
        return recorder.ids.get();
    }

    /** The traced objects alive right now whose id is greater than {@code afterId}, by id. */
    public static java.util.List<LiveObject> liveObjects(long afterId) {
        Recorder recorder = active;
        LiveSince live = new LiveSince(afterId);
        if (recorder != null) {
            recorder.registry.forEach(live);
        }
        live.objects.sort(new ById());
        // An entry moving from its thread's slot into the registry may have been visited twice.
        for (int i = live.objects.size() - 1; i > 0; i--) {
            if (live.objects.get(i).id() == live.objects.get(i - 1).id()) {
                live.objects.remove(i);
            }
        }
        return live.objects;
    }

    /** Collects the entries with an id greater than a mark, as {@link LiveObject}s. */
    private static final class LiveSince implements java.util.function.Consumer<TrackedRef> {
        private final long afterId;
        final java.util.List<LiveObject> objects = new java.util.ArrayList<>();

        LiveSince(long afterId) {
            this.afterId = afterId;
        }

        @Override
        public void accept(TrackedRef e) {
            if (e.id > afterId) {
                objects.add(new LiveObject(new String(e.type.nameBytes, java.nio.charset.StandardCharsets.UTF_8), e.size,
                        new String(e.site, java.nio.charset.StandardCharsets.UTF_8), e.id, e.type.dropOnGc));
            }
        }
    }

    private static final class ById implements java.util.Comparator<LiveObject> {
        @Override
        public int compare(LiveObject a, LiveObject b) {
            return Long.compare(a.id(), b.id());
        }
    }

    /** Writes everything buffered so far; for dumps and tests that read the log of a live JVM. */
    public static void flush() {
        Recorder recorder = active;
        if (recorder != null) {
            recorder.sink.flush();
        }
    }

    /** Live traced objects right now (for tests and dumps). */
    public static int liveCount() {
        Recorder recorder = active;
        return recorder == null ? 0 : recorder.registry.size();
    }

    private static volatile boolean internalErrorReported;

    private static void internalError(Throwable failure) {
        if (!internalErrorReported) {
            internalErrorReported = true;
            Warnings.warn("internal error, the event was skipped (please report): " + failure);
            if (Boolean.getBoolean("leaktrace.debug")) {
                failure.printStackTrace();
            }
        }
    }
}

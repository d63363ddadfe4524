package dev.leaktrace.bootstrap;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The recorder as dumps and tests see it: whether it runs, the objects alive now, and the two
 * things a reader does before asking (write the log out, let the GC's collections be reported).
 * Each answers for "not started" too.
 */
public final class RecorderQueries {
    private RecorderQueries() {
    }

    public static boolean isStarted() {
        return Recording.active != null;
    }

    /**
     * A mark: every object created after this call, on any thread, gets a larger id (threads take
     * a fresh block of ids after it); 0 when not started.
     */
    public static long lastId() {
        Recording recording = Recording.active;
        return recording == null ? 0 : recording.ids.mark();
    }

    /** The traced objects alive right now whose id is greater than {@code afterId}, by id. */
    public static List<LiveObject> liveObjects(long afterId) {
        Recording recording = Recording.active;
        LiveSince live = new LiveSince(afterId);
        if (recording != null) {
            recording.registry.forEach(live);
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

    /**
     * The counts per type and site since the start (empty unless the recording counts: under
     * {@code log: survivors}, or with live readers such as metrics), in the order first seen.
     */
    public static List<SiteTotals> siteTotals() {
        Recording recording = Recording.active;
        return recording == null || !recording.counting ? List.of() : recording.counts.totals();
    }

    /** The traced objects alive now by type and site, counted from the registry (every object). */
    public static List<LiveGroup> liveGroups() {
        Recording recording = Recording.active;
        Grouping grouping = new Grouping();
        if (recording != null) {
            recording.registry.forEach(grouping);
        }
        return new ArrayList<>(grouping.groups.values());
    }

    /**
     * Tells {@code events} of every object recorded or ended from now on (null: no longer);
     * false when not recording.
     */
    public static boolean setObjectEvents(ObjectEvents events) {
        Recording recording = Recording.active;
        if (recording == null) {
            return false;
        }
        recording.objectEvents = events;
        return true;
    }

    /** Live traced objects right now. */
    public static int liveCount() {
        Recording recording = Recording.active;
        return recording == null ? 0 : recording.registry.size();
    }

    /**
     * Runs the agent's own work on this thread (the heap dump and analysis at exit), with nothing
     * it creates or releases traced: the thread counts as inside the recorder meanwhile.
     */
    public static void runUntraced(Runnable work) {
        ThreadState thread = ThreadState.current();
        if (thread == null) { // inside its own first lookup: nothing it makes is recorded anyway
            work.run();
            return;
        }
        boolean was = thread.busy;
        thread.busy = true;
        try {
            work.run();
        } finally {
            thread.busy = was;
            ThreadState.giveBackIfIdle(thread);
        }
    }

    /** Writes a whole line to the log at once (lines the agent adds, after the events they describe). */
    public static void writeLine(String text) {
        Recording recording = Recording.active;
        if (recording != null) {
            recording.sink.line(text);
        }
    }

    /** Writes everything buffered so far, for readers of the log of a live JVM. */
    public static void flush() {
        Recording recording = Recording.active;
        if (recording != null) {
            recording.sink.flush();
        }
    }

    /**
     * Runs the GC until a fresh weakly reachable object is gone (at most {@code maxMillis}), then
     * reports every traced object it collected before returning, so that a caller (a test gate)
     * sees {@code gc} drops at once.
     */
    public static void collectGarbage(long maxMillis) throws InterruptedException {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        long deadline = System.currentTimeMillis() + maxMillis;
        do {
            System.gc();
            Thread.sleep(10);
        } while (sentinel.get() != null && System.currentTimeMillis() < deadline);
        reportQueued(deadline + 1000);
    }

    /**
     * Reports the collections a GC that just ran has queued (a heap dump's own), after the moment
     * the reference handler takes to queue them, as {@link #collectGarbage} does after its GC.
     */
    public static void reportCollected() throws InterruptedException {
        Thread.sleep(10);
        reportQueued(System.currentTimeMillis() + 1000);
    }

    private static void reportQueued(long deadline) throws InterruptedException {
        Recording recording = Recording.active;
        if (recording == null) {
            return;
        }
        recording.reaper.reapQueued();
        while (recording.reaper.isReaping() && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
    }

    /** Collects the entries with an id greater than a mark, as {@link LiveObject}s. */
    private static final class LiveSince implements Consumer<TrackedRef> {
        private final long afterId;
        final List<LiveObject> objects = new ArrayList<>();

        LiveSince(long afterId) {
            this.afterId = afterId;
        }

        @Override
        public void accept(TrackedRef e) {
            if (e.id > afterId) {
                objects.add(new LiveObject(new String(e.type.nameBytes, StandardCharsets.UTF_8), e.size,
                        new String(e.site, StandardCharsets.UTF_8), e.id, e.type.dropOnGc));
            }
        }
    }

    /** Sums live entries by type and site; an entry visited twice (moving into a segment) is counted once. */
    private static final class Grouping implements Consumer<TrackedRef> {
        final java.util.Map<String, LiveGroup> groups = new java.util.LinkedHashMap<>();
        private final java.util.Set<Long> seen = new java.util.HashSet<>();

        @Override
        public void accept(TrackedRef e) {
            if (e.id == 0 || e.site == null || !seen.add(e.id)) {
                return;
            }
            String key = new String(e.type.nameBytes, StandardCharsets.UTF_8) + " " + new String(e.site, StandardCharsets.UTF_8);
            LiveGroup group = groups.get(key);
            if (group == null) {
                group = new LiveGroup(e.type.nameBytes, e.site);
                groups.put(key, group);
            }
            group.count++;
            group.bytes += e.size;
        }
    }

    private static final class ById implements Comparator<LiveObject> {
        @Override
        public int compare(LiveObject a, LiveObject b) {
            return Long.compare(a.id(), b.id());
        }
    }
}

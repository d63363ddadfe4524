package dev.leaktrace.bootstrap;

import java.util.Arrays;

/**
 * The state of the running recording: the registry of live objects, the sink their lines go to,
 * what the agent decided per class, and how sites, stacks and ids are found.
 */
final class Recording {
    /** The running recording; null until {@link Recorder#start}, never replaced after. */
    static volatile Recording active;

    final LineSink sink;
    final Registry registry = new Registry();
    final SiteFinder sites = new SiteFinder();
    final IdBlocks ids = new IdBlocks();
    final GcReaper reaper;
    private final StackRecorder stacks = new StackRecorder();
    private final ClassValue<TypeInfo> types;
    /** {@code log: survivors}: lines only for objects that live past the survivor age. */
    final boolean survivors;
    final boolean counting;
    final Counting counts = new Counting();
    /** Null unless {@link #survivors}. */
    final SurvivorWatch watch;
    /** Dropped objects' entries until collected; null unless {@code paths: N} asks for them. */
    final ReleasedEntries released;
    /** Milliseconds since the start, set by the survivor watch: the birth date of new objects. */
    volatile int clock;
    /** Told of every object, when set (JFR's per-object events); null otherwise. */
    volatile ObjectEvents objectEvents;

    Recording(TypeResolver resolver, LineSink sink, RecordingOptions options) {
        this.sink = sink;
        this.types = new ResolvedTypes(resolver);
        this.reaper = new GcReaper(registry, this);
        this.survivors = options.survivors;
        this.counting = options.counting;
        this.watch = options.survivors ? new SurvivorWatch(this, options.survivorAgeMillis) : null;
        this.released = options.keepReleased ? new ReleasedEntries() : null;
    }

    /** How objects of the runtime class {@code type} are traced, asked of the agent once per class. */
    TypeInfo typeOf(Class<?> type) {
        return types.get(type);
    }

    private static final class ResolvedTypes extends ClassValue<TypeInfo> {
        private final TypeResolver resolver;

        ResolvedTypes(TypeResolver resolver) {
            this.resolver = resolver;
        }

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
    }

    /** At the exit of the object's outermost constructor: registers it and writes its @ALLOCATE. */
    void record(Object self, TrackedRef bound, Class<?> type, int site, ThreadState thread) {
        TypeInfo info = bound != null ? bound.type : typeOf(type);
        if (!info.traced) {
            return;
        }
        byte[] applicationSite;
        byte[] librarySite = null;
        if (site != ThreadState.NO_SITE && !Sites.isLibrary(site, info)) {
            applicationSite = Sites.token(site);
        } else {
            // Made in library code: the marked call it is charged to, if any, decides the site.
            int mark = Sites.markFor(thread, info);
            byte[] known;
            if (site != ThreadState.NO_SITE && mark != ThreadState.NO_SITE) {
                applicationSite = Sites.token(mark);
                byte[] newSite = Sites.token(site);
                librarySite = Sites.firstAt(mark, newSite) ? newSite : null;
            } else if (site == ThreadState.NO_SITE && mark != ThreadState.NO_SITE && LibraryCode.isLibrary(type, info)
                    && (known = UnannouncedNews.lineOf(type, mark)) != null) {
                // A library class's `new` nobody announced, under a marked call a walk has already
                // shown to own such objects.
                applicationSite = Sites.token(mark);
                librarySite = Sites.firstAt(mark, known) ? known : null;
            } else {
                SiteFinder.Placement placement = sites.place(type, info);
                if (placement.jvmOwn) {
                    return;
                }
                byte[] newSite = site != ThreadState.NO_SITE ? Sites.token(site) : placement.newSite;
                if (info.libraryAny && mark != ThreadState.NO_SITE) {
                    // A `new` nobody announced (its class was not known to be traced yet), for an
                    // entry whose every maker is library code: the marked call is the site.
                    applicationSite = Sites.token(mark);
                } else {
                    applicationSite = placement.applicationSite != null ? placement.applicationSite : newSite;
                    if (site == ThreadState.NO_SITE && mark != ThreadState.NO_SITE && LibraryCode.isLibrary(type, info)
                            && Arrays.equals(applicationSite, Sites.token(mark))) {
                        UnannouncedNews.remember(type, mark, newSite);
                    }
                }
                librarySite = Arrays.equals(applicationSite, newSite) ? null : newSite;
            }
        }
        // Without a binding (reflection, code not rewritten) a this(...) chain may reach here twice.
        TrackedRef entry = registry.claim(self, bound, info, thread, bound == null);
        if (entry == null) {
            return; // already reported: a constructor that did not announce this(...)
        }
        entry.size = info.sizeOf(self);
        entry.site = applicationSite;
        entry.id = ids.next(thread);
        if (counting) {
            counts.of(thread).allocated(info, entry.site, entry.size);
        }
        ObjectEvents events = objectEvents;
        if (events != null) {
            events.allocated(info.name, entry.site, entry.id, entry.size);
        }
        if (survivors) {
            entry.setBorn(clock); // its line waits for the survivor watch
            return;
        }
        byte[] frames = info.stackDepth > 0 ? stacks.framesFor(type, entry.site, info.stackDepth) : null;
        sink.allocate(thread, entry, info.nameBytes, frames, librarySite);
    }

    /**
     * When a renew method returned: a live previous life is dropped and a new one recorded, unless
     * that life is the thread's newest object, whose constructor has just run (a pool making an
     * object renews it before handing it out: one life, not two). {@code site}, the renew method's
     * return, stands for the {@code new} of the new life: in library code, the marked call is the site.
     */
    void renew(Object self, int site, ThreadState thread) {
        Class<?> type = self.getClass();
        if (!typeOf(type).traced) {
            return;
        }
        TrackedRef own = thread.newest;
        if (own != null && own.refersTo(self) && own.isLive()) {
            return;
        }
        drop(self, thread);
        record(self, null, type, site, thread);
    }

    /** When a drop method returned: takes the object out of the registry and writes its @DROP. */
    void drop(Object self, ThreadState thread) {
        TrackedRef entry;
        TrackedRef own = thread.newest;
        if (own != null && own.refersTo(self)) {
            // The try-with-resources case: the thread's newest object, no lookup needed.
            entry = registry.takeNewest(thread, own);
        } else if (typeOf(self.getClass()).traced) {
            entry = registry.removeElsewhere(self);
        } else {
            return;
        }
        if (entry == null) {
            return;
        }
        // No clear(): the removed entry is unreachable now, so the GC will not enqueue it, unless
        // it is kept as released, when the GC's enqueueing tells the reaper to forget it.
        ended(thread, entry, LineFormat.DROP);
        if (released != null) {
            released.add(entry);
        }
    }

    /**
     * After {@code thread} won the entry's {@link TrackedRef#end}: counts the end and writes its
     * line, unless the object's @ALLOCATE was never written (a short-lived object under survivors).
     */
    void ended(ThreadState thread, TrackedRef entry, byte[] keyword) {
        if (counting) {
            ThreadCounts own = counts.of(thread);
            if (keyword == LineFormat.GC) {
                own.collected(entry.type, entry.site, entry.size);
            } else {
                own.dropped(entry.type, entry.site, entry.size);
            }
        }
        ObjectEvents events = objectEvents;
        if (events != null) {
            events.ended(entry.type.name, entry.id, entry.size, keyword == LineFormat.GC);
        }
        if (!survivors || entry.endedShown()) {
            sink.release(thread, entry, keyword);
        }
    }
}

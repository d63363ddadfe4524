package dev.leaktrace.bootstrap;

import java.lang.ref.Reference;

/**
 * Turns collections by the GC into lines: a {@code @DROP} for {@code gc} types, {@code @GC}
 * otherwise. Runs as the {@code leaktrace-gc-watch} thread, which also forgets threads that
 * ended; {@link #reapQueued} does the same work at once, for the exit and for test gates.
 */
final class GcReaper implements Runnable {
    /** How often threads that ended are forgotten (their newest objects moved into the registry). */
    private static final long SWEEP_INTERVAL_MS = 1000;

    private final Registry registry;
    private final Recording recording;
    private volatile boolean reaping;

    GcReaper(Registry registry, Recording recording) {
        this.registry = registry;
        this.recording = recording;
    }

    @Override
    public void run() {
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
                    VirtualStates.forgetEndedBorrowers();
                    nextSweep = System.currentTimeMillis() + SWEEP_INTERVAL_MS;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable failure) {
                Warnings.internalError(failure);
            } finally {
                reaping = false;
            }
        }
    }

    /** Whether the thread is reporting a collection it took from the queue right now. */
    boolean isReaping() {
        return reaping;
    }

    /** Reports every collection the GC has queued so far, on the calling thread. */
    void reapQueued() {
        Reference<?> next;
        while ((next = registry.collected.poll()) != null) {
            reap((TrackedRef) next);
        }
    }

    /** {@link #reapQueued} as the sink's work before its exit flush. */
    Runnable atExit() {
        return new AtExit(this);
    }

    private static final class AtExit implements Runnable {
        private final GcReaper reaper;

        AtExit(GcReaper reaper) {
            this.reaper = reaper;
        }

        @Override
        public void run() {
            reaper.reapQueued();
            SurvivorWatch watch = reaper.recording.watch;
            if (watch != null) {
                watch.atExit(); // after the last collections, so that the counts include them
            }
        }
    }

    private void reap(TrackedRef entry) {
        // An entry made when a constructor bound its object, but never recorded (the
        // constructor threw): its object was never reported, so neither is its collection.
        if (entry.id != 0 && registry.removeEntry(entry)) {
            recording.ended(ThreadState.current(), entry, entry.type.dropOnGc ? LineFormat.DROP : LineFormat.GC);
        } else if (recording.released != null) {
            recording.released.forget(entry); // a released object, collected at last
        }
    }
}

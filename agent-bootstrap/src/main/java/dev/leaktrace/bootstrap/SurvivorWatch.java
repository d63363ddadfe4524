package dev.leaktrace.bootstrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@code log: survivors}: runs as the {@code leaktrace-survivors} thread. It keeps the clock that
 * dates new objects (so an allocation reads a field instead of the system clock), writes the
 * @ALLOCATE of each object that lived past the survivor age, and writes the counts per type and
 * site periodically and at exit. The application's threads only count and register.
 */
final class SurvivorWatch implements Runnable {
    /** How often counts that changed are written: the bound on what a killed JVM loses of them. */
    static final long COUNTS_INTERVAL_MS = 10_000;

    private final Recording recording;
    private final long ageMillis;
    private final long tickMillis;
    private final long startNanos = System.nanoTime();
    /** The counts last written, by row, so that only rows that changed are written again. */
    private final Map<String, long[]> written = new HashMap<>();

    SurvivorWatch(Recording recording, long ageMillis) {
        this.recording = recording;
        this.ageMillis = ageMillis;
        // A survivor's line comes at most half its age late (two ticks); never more often than 10 ms.
        this.tickMillis = Math.max(10, Math.min(1000, ageMillis / 4));
    }

    @Override
    public void run() {
        long nextCounts = COUNTS_INTERVAL_MS;
        while (true) {
            try {
                LockSupport.parkNanos(tickMillis * 1_000_000);
                long now = (System.nanoTime() - startNanos) / 1_000_000;
                recording.clock = (int) Math.min(Integer.MAX_VALUE, now);
                // The clock lags by up to a tick, so a birth date may be a tick early: wait that tick out.
                showBornBefore(now - ageMillis - tickMillis);
                if (now >= nextCounts) {
                    writeCounts(false);
                    nextCounts = now + COUNTS_INTERVAL_MS;
                }
            } catch (Throwable failure) {
                Warnings.internalError(failure);
            }
        }
    }

    /** At exit, before the last flush: every object still alive is shown, whatever its age, then all counts. */
    void atExit() {
        showBornBefore(Long.MAX_VALUE);
        writeCounts(true);
    }

    private void showBornBefore(long cutoff) {
        Candidates candidates = new Candidates(cutoff);
        // Collected first, written after: a segment's lock is not held while lines are built.
        recording.registry.forEach(candidates);
        // By id, which is roughly by age: the log keeps the objects in the order they were made.
        candidates.found.sort(new ById());
        ThreadState thread = ThreadState.current();
        for (TrackedRef entry : candidates.found) {
            if (entry.beginShow()) {
                recording.sink.allocate(thread, entry, entry.type.nameBytes, null);
                entry.shown();
            }
        }
    }

    /** Entries alive, not shown yet and born before the cutoff. */
    private static final class Candidates implements Consumer<TrackedRef> {
        private final long cutoff;
        final List<TrackedRef> found = new ArrayList<>();

        Candidates(long cutoff) {
            this.cutoff = cutoff;
        }

        @Override
        public void accept(TrackedRef entry) {
            // Dated last (after size, site and id); an id of 0: its constructor threw, never reported.
            if (entry.isUnshown() && entry.born() < cutoff && entry.id != 0 && entry.site != null) {
                found.add(entry);
            }
        }
    }

    private static final class ById implements java.util.Comparator<TrackedRef> {
        @Override
        public int compare(TrackedRef a, TrackedRef b) {
            return Long.compare(a.id, b.id);
        }
    }

    /** Writes the rows that changed since last written ({@code all}: every row), as @COUNTS lines. */
    synchronized void writeCounts(boolean all) {
        List<SiteTotals> rows = recording.counts.totals();
        int length = 0;
        List<SiteTotals> changed = new ArrayList<>();
        for (SiteTotals row : rows) {
            String key = row.type() + " " + row.site();
            long[] before = written.get(key);
            if (all || before == null || !java.util.Arrays.equals(before, row.values)) {
                changed.add(row);
                length += LineFormat.countsLength(row);
                written.put(key, row.values.clone());
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        byte[] lines = new byte[length];
        int end = 0;
        for (SiteTotals row : changed) {
            end = LineFormat.counts(lines, end, row);
        }
        recording.sink.writeLines(lines, end);
    }
}

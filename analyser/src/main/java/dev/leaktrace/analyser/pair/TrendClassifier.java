package dev.leaktrace.analyser.pair;

import dev.leaktrace.analyser.result.Trend;

/**
 * Tells a leak that keeps growing from a cache that levels off, from a group's live count sampled
 * at evenly spaced points of the event order (the first sample is the empty start, the last the end
 * of the log).
 *
 * <ul>
 *   <li>{@code single}: the run had fewer events than {@link LiveSampler#BUCKETS}, or the group never
 *       had more than one object alive.
 *   <li>{@code growing}: the live count at the end is above its value at 75% of the run, by at least
 *       a tenth of its peak (so a full cache that jitters by a few entries is not "growing").
 *   <li>{@code steady}: from 25% of the run to the end, the live count never changed.
 *   <li>{@code levelling}: everything else: it moved after the first quarter but stopped rising.
 * </ul>
 */
final class TrendClassifier {
    private TrendClassifier() {
    }

    static Trend classify(long[] ordinals, int[] liveCounts) {
        int n = ordinals.length;
        long total = ordinals[n - 1];
        int peak = 0;
        for (int count : liveCounts) {
            peak = Math.max(peak, count);
        }
        if (total < LiveSampler.BUCKETS || peak <= 1) {
            return Trend.SINGLE;
        }
        int last = liveCounts[n - 1];
        int atThreeQuarters = liveCounts[indexAtOrBefore(ordinals, total * 3 / 4)];
        if (last > atThreeQuarters && (long) (last - atThreeQuarters) * 10 >= peak) {
            return Trend.GROWING;
        }
        int fromQuarter = indexAtOrBefore(ordinals, total / 4);
        for (int i = fromQuarter; i < n; i++) {
            if (liveCounts[i] != last) {
                return Trend.LEVELLING;
            }
        }
        return Trend.STEADY;
    }

    /** The last sample taken at or before {@code ordinal}. */
    private static int indexAtOrBefore(long[] ordinals, long ordinal) {
        int index = 0;
        while (index + 1 < ordinals.length && ordinals[index + 1] <= ordinal) {
            index++;
        }
        return index;
    }
}

package dev.leaktrace.analyser.pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples the live count of every group and the live bytes of every type at evenly spaced event
 * ordinals of one file, during the single pass.
 *
 * <p>The length of a stream is unknown until its end, so sampling starts at every event and, when
 * more than {@code 2 * buckets + 1} samples exist, drops every other one and doubles the interval.
 * At the end there are between {@code buckets} and {@code 2 * buckets} evenly spaced samples (plus
 * the final state), at a cost of one array copy per sample, never per line.
 */
final class LiveSampler {
    static final int BUCKETS = 20;

    private final int buckets;
    private final List<long[]> typeBytes = new ArrayList<>();
    private final List<int[]> groupLive = new ArrayList<>();
    private long[] ordinals = new long[8];
    private int count;
    private long interval = 1;
    private long nextAt = 1;

    LiveSampler() {
        this(BUCKETS);
    }

    LiveSampler(int buckets) {
        this.buckets = buckets;
        record(0, new int[0], 0, new long[0], 0);
    }

    /** Called after every event; records a sample when {@code ordinal} is on the sampling grid. */
    void tick(long ordinal, int[] live, int groups, long[] bytesByType, int types) {
        if (ordinal != nextAt) {
            return;
        }
        record(ordinal, live, groups, bytesByType, types);
        nextAt += interval;
        if (count > 2 * buckets + 1) {
            halve();
        }
    }

    /** Records the final state, unless the last event was just sampled. */
    void finish(long ordinal, int[] live, int groups, long[] bytesByType, int types) {
        if (ordinals[count - 1] != ordinal) {
            record(ordinal, live, groups, bytesByType, types);
        }
    }

    long[] ordinals() {
        return Arrays.copyOf(ordinals, count);
    }

    /** The live count of {@code group} at each sample; 0 before the group first appeared. */
    int[] liveCounts(int group) {
        int[] series = new int[count];
        for (int i = 0; i < count; i++) {
            int[] row = groupLive.get(i);
            series[i] = group < row.length ? row[group] : 0;
        }
        return series;
    }

    /** The live bytes of {@code type} at each sample. */
    long[] liveBytes(int type) {
        long[] series = new long[count];
        for (int i = 0; i < count; i++) {
            long[] row = typeBytes.get(i);
            series[i] = type < row.length ? row[type] : 0;
        }
        return series;
    }

    private void record(long ordinal, int[] live, int groups, long[] bytesByType, int types) {
        if (count == ordinals.length) {
            ordinals = Arrays.copyOf(ordinals, count * 2);
        }
        ordinals[count++] = ordinal;
        groupLive.add(Arrays.copyOf(live, groups));
        typeBytes.add(Arrays.copyOf(bytesByType, types));
    }

    private void halve() {
        int kept = 0;
        for (int i = 0; i < count; i += 2) {
            ordinals[kept] = ordinals[i];
            groupLive.set(kept, groupLive.get(i));
            typeBytes.set(kept, typeBytes.get(i));
            kept++;
        }
        groupLive.subList(kept, count).clear();
        typeBytes.subList(kept, count).clear();
        count = kept;
        interval *= 2;
        nextAt = ordinals[count - 1] + interval;
    }
}

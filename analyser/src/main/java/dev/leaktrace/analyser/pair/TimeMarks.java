package dev.leaktrace.analyser.pair;

import java.util.Arrays;

/**
 * A file's @TIME lines, each with the number of events before it; places any event ordinal in time
 * by interpolating between the marks around it.
 */
final class TimeMarks {
    private long[] ordinals = new long[16];
    private long[] millis = new long[16];
    private int count;

    /** A mark after {@code ordinal} events; one earlier than the last (another JVM's, appended) is ignored. */
    void add(long ordinal, long markMillis) {
        if (count > 0 && markMillis < millis[count - 1]) {
            return;
        }
        if (count == ordinals.length) {
            ordinals = Arrays.copyOf(ordinals, count * 2);
            millis = Arrays.copyOf(millis, count * 2);
        }
        ordinals[count] = ordinal;
        millis[count] = markMillis;
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * Seconds since the JVM started after each of {@code sampled} (increasing ordinals): the state
     * before any event at 0, an event between the last mark before it and the first at or after it
     * in proportion to its place between them, one outside all marks at the nearest; null without marks.
     */
    double[] seconds(long[] sampled) {
        if (count == 0) {
            return null;
        }
        double[] seconds = new double[sampled.length];
        int upper = 0; // the first mark with ordinal >= the sample's
        for (int i = 0; i < sampled.length; i++) {
            long ordinal = sampled[i];
            if (ordinal == 0) {
                continue;
            }
            while (upper < count && ordinals[upper] < ordinal) {
                upper++;
            }
            double at;
            if (upper == count) {
                at = millis[count - 1];
            } else if (upper == 0) {
                at = millis[0];
            } else {
                long fromOrdinal = ordinals[upper - 1];
                double share = (double) (ordinal - fromOrdinal) / (ordinals[upper] - fromOrdinal);
                at = millis[upper - 1] + share * (millis[upper] - millis[upper - 1]);
            }
            seconds[i] = at / 1000.0;
        }
        return seconds;
    }
}

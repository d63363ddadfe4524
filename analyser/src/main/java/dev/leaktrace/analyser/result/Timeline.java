package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * Live bytes per type over one file's run, at the sampler's evenly spaced event ordinals: the data
 * behind the report's chart. Only the types with the highest peak are kept. {@code seconds} holds
 * the time of each ordinal since the JVM started, from the log's @TIME lines; null for a log
 * without them.
 */
public record Timeline(String file, long[] ordinals, double[] seconds, List<TypeSeries> types) {
    public static final int TOP_TYPES = 8;

    /** One type's live bytes at each of the timeline's ordinals. */
    public record TypeSeries(String type, long[] liveBytes) {
        /** The most live bytes at any ordinal. */
        public long peak() {
            long peak = 0;
            for (long bytes : liveBytes) {
                peak = Math.max(peak, bytes);
            }
            return peak;
        }
    }

    /** Whether the samples are placed in time, not only in event order. */
    public boolean timed() {
        return seconds != null;
    }

    /** Seconds since the JVM started at the last sample; 0 for a log without @TIME lines. */
    public double lastSecond() {
        return seconds == null ? 0 : seconds[seconds.length - 1];
    }

    /** The number of events in the file. */
    public long events() {
        return ordinals[ordinals.length - 1];
    }
}

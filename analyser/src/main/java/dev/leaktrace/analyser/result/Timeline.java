package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * Live bytes per type over one file's run, at the sampler's evenly spaced event ordinals: the data
 * behind the report's chart. Only the types with the highest peak are kept.
 */
public record Timeline(String file, long[] ordinals, List<TypeSeries> types) {
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

    /** The number of events in the file. */
    public long events() {
        return ordinals[ordinals.length - 1];
    }
}

package dev.leaktrace.analyser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Live bytes per type over one file's run, at the sampler's evenly spaced event ordinals: the data
 * behind the report's chart. Only the types with the highest peak are kept.
 */
public record Timeline(String file, long[] ordinals, List<TypeSeries> types) {
    public static final int TOP_TYPES = 8;

    /** One type's live bytes at each of the timeline's ordinals. */
    public record TypeSeries(String type, long[] liveBytes) {
        long peak() {
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

    static Timeline of(String file, long[] ordinals, LiveSampler sampler, ByteInterner types) {
        List<TypeSeries> all = new ArrayList<>();
        for (int type = 0; type < types.size(); type++) {
            TypeSeries series = new TypeSeries(types.name(type), sampler.liveBytes(type));
            if (series.peak() > 0) {
                all.add(series);
            }
        }
        all.sort(new LargestPeakFirst());
        return new Timeline(file, ordinals, List.copyOf(all.subList(0, Math.min(TOP_TYPES, all.size()))));
    }

    /** The largest peak first, then by type; a class, not lambdas: see {@code LogAnalyser.LargestFirst}. */
    private static final class LargestPeakFirst implements Comparator<TypeSeries> {
        @Override
        public int compare(TypeSeries a, TypeSeries b) {
            int order = Long.compare(b.peak(), a.peak());
            return order != 0 ? order : a.type().compareTo(b.type());
        }
    }
}

package dev.leaktrace.analyser.pair;

import dev.leaktrace.analyser.parse.ByteInterner;
import dev.leaktrace.analyser.result.Timeline;
import dev.leaktrace.analyser.result.Timeline.TypeSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@link Timeline} of one file, from its sampler: the {@link Timeline#TOP_TYPES} types of the highest peak. */
final class Timelines {
    private Timelines() {
    }

    static Timeline of(String file, long[] ordinals, double[] seconds, LiveSampler sampler, ByteInterner types) {
        List<TypeSeries> all = new ArrayList<>();
        for (int type = 0; type < types.size(); type++) {
            TypeSeries series = new TypeSeries(types.name(type), sampler.liveBytes(type));
            if (series.peak() > 0) {
                all.add(series);
            }
        }
        all.sort(new LargestPeakFirst());
        return new Timeline(file, ordinals, seconds, List.copyOf(all.subList(0, Math.min(Timeline.TOP_TYPES, all.size()))));
    }

    /** The largest peak first, then by type; a class, not a lambda: see {@link Results}. */
    private static final class LargestPeakFirst implements Comparator<TypeSeries> {
        @Override
        public int compare(TypeSeries a, TypeSeries b) {
            int order = Long.compare(b.peak(), a.peak());
            return order != 0 ? order : a.type().compareTo(b.type());
        }
    }
}

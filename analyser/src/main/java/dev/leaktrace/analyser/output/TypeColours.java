package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.Timeline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One colour per type for a whole report, so a type has the same colour in the before and the
 * after chart: types take the palette in the order the runs first show them, largest first.
 */
final class TypeColours {
    static final String[] PALETTE = {
        "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
        "#bcbd22", "#7f7f7f", "#393b79", "#ad494a", "#637939", "#8c6d31", "#7b4173", "#3182bd"
    };

    private final Map<String, String> colours = new LinkedHashMap<>();

    static TypeColours of(Analysis... runs) {
        TypeColours colours = new TypeColours();
        for (Analysis run : runs) {
            for (Timeline timeline : run.timelines()) {
                for (Timeline.TypeSeries series : timeline.types()) {
                    colours.colours.computeIfAbsent(series.type(),
                            type -> PALETTE[colours.colours.size() % PALETTE.length]);
                }
            }
        }
        return colours;
    }

    String of(String type) {
        return colours.getOrDefault(type, "#7f7f7f");
    }
}

package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.Timeline;
import java.util.List;
import java.util.Locale;

/** An inline SVG line chart of live bytes per type over one run; no script, no network. */
final class SvgChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 340;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;

    private SvgChart() {
    }

    static String render(Timeline timeline, TypeColours colours) {
        long[] ordinals = timeline.ordinals();
        long events = Math.max(1, timeline.events());
        long peak = 1;
        for (Timeline.TypeSeries series : timeline.types()) {
            for (long bytes : series.liveBytes()) {
                peak = Math.max(peak, bytes);
            }
        }
        long top = niceCeiling(peak);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                        + "role=\"img\" aria-label=\"Live bytes per type over the run\">\n",
                WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
                + "stroke=\"#ccc\"/>\n", LEFT, TOP, plotWidth, plotHeight));
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotHeight - plotHeight * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n",
                    LEFT, LEFT + plotWidth, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" "
                    + "fill=\"#555\">%s</text>\n", LEFT - 8, y + 4, Html.escape(ByteUnits.human(top * tick / 4))));
            double x = LEFT + plotWidth * tick / 4.0;
            String anchor = tick == 0 ? "start" : tick == 4 ? "end" : "middle";
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" "
                    + "fill=\"#555\">%,d</text>\n", x, TOP + plotHeight + 18, anchor, events * tick / 4));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" "
                + "fill=\"#333\">events (allocations, drops, collections) in log order</text>\n",
                LEFT + plotWidth / 2, HEIGHT - 8));
        List<Timeline.TypeSeries> types = timeline.types();
        for (int t = types.size() - 1; t >= 0; t--) { // largest drawn last, on top
            Timeline.TypeSeries series = types.get(t);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < ordinals.length; i++) {
                double x = LEFT + plotWidth * (double) ordinals[i] / events;
                double y = TOP + plotHeight - plotHeight * (double) series.liveBytes()[i] / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline data-type=\"" + Html.escape(series.type()) + "\" fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke=\"")
                    .append(colours.of(series.type())).append("\" points=\"").append(points.toString().trim())
                    .append("\"><title>").append(Html.escape(series.type())).append("</title></polyline>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /**
     * A round axis maximum at or above {@code value} in binary units (so the quarter ticks read
     * 5 MiB, 10 MiB... rather than 4.8 MiB).
     */
    static long niceCeiling(long value) {
        long unit = 1;
        while (unit <= Long.MAX_VALUE / 1024 && value >= unit * 1024) {
            unit *= 1024;
        }
        long mantissa = (value + unit - 1) / unit;
        for (long nice : new long[] {1, 2, 4, 8, 10, 20, 40, 80, 100, 200, 400, 800, 1000}) {
            if (nice >= mantissa) {
                return nice * unit;
            }
        }
        return 1024 * unit;
    }
}

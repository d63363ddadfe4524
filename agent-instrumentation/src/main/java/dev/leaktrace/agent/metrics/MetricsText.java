package dev.leaktrace.agent.metrics;

import dev.leaktrace.bootstrap.SiteTotals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus text exposition format (version 0.0.4) of the counts per type and site. The
 * sites of a type beyond {@link #SITES_PER_TYPE} (those with the fewest live bytes) are summed
 * under {@code site="other"}, so the number of series stays bounded however many sites a type has.
 */
public final class MetricsText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    public static final int SITES_PER_TYPE = 20;
    public static final String OTHER_SITE = "other";

    private static final String[][] FAMILIES = {
        {"leaktrace_live_objects", "gauge", "Traced objects allocated and neither dropped nor collected yet."},
        {"leaktrace_live_bytes", "gauge", "Bytes of the live traced objects, by their size rule."},
        {"leaktrace_allocations_total", "counter", "Traced objects allocated since the JVM started."},
        {"leaktrace_drops_total", "counter", "Traced objects dropped (their drop method returned, or the GC"
                + " collected a type whose drop is gc)."},
        {"leaktrace_collected_without_drop_total", "counter", "Traced objects the GC collected that nobody"
                + " dropped."},
    };

    private MetricsText() {
    }

    public static String render(List<SiteTotals> totals) {
        List<Row> rows = capped(totals);
        StringBuilder out = new StringBuilder(256 + rows.size() * 5 * 96);
        for (int family = 0; family < FAMILIES.length; family++) {
            String name = FAMILIES[family][0];
            out.append("# HELP ").append(name).append(' ').append(FAMILIES[family][2]).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(FAMILIES[family][1]).append('\n');
            for (Row row : rows) {
                out.append(name).append("{type=\"");
                escape(row.type, out);
                out.append("\",site=\"");
                escape(row.site, out);
                out.append("\"} ").append(row.values[family]).append('\n');
            }
        }
        return out.toString();
    }

    /** One series per type and site, the smallest sites of a crowded type folded into "other". */
    private static List<Row> capped(List<SiteTotals> totals) {
        Map<String, List<SiteTotals>> byType = new LinkedHashMap<>();
        for (SiteTotals t : totals) {
            List<SiteTotals> sites = byType.get(t.type());
            if (sites == null) {
                sites = new ArrayList<>();
                byType.put(t.type(), sites);
            }
            sites.add(t);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<SiteTotals>> entry : byType.entrySet()) {
            List<SiteTotals> sites = entry.getValue();
            if (sites.size() > SITES_PER_TYPE) {
                sites.sort(new MostLiveBytesFirst());
            }
            Row other = null;
            for (int i = 0; i < sites.size(); i++) {
                SiteTotals t = sites.get(i);
                if (i < SITES_PER_TYPE) {
                    rows.add(new Row(entry.getKey(), t.site()).add(t));
                } else {
                    if (other == null) {
                        other = new Row(entry.getKey(), OTHER_SITE);
                        rows.add(other);
                    }
                    other.add(t);
                }
            }
        }
        return rows;
    }

    /** Label values escape backslash, double quote and line feed. */
    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '"') {
                out.append("\\\"");
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
    }

    /** A class, not a lambda: this package is on the premain path, which has no invokedynamic. */
    private static final class MostLiveBytesFirst implements Comparator<SiteTotals> {
        @Override
        public int compare(SiteTotals a, SiteTotals b) {
            int order = Long.compare(b.liveBytes(), a.liveBytes());
            return order != 0 ? order : a.site().compareTo(b.site());
        }
    }

    private static final class Row {
        final String type;
        final String site;
        /** In the order of {@link #FAMILIES}. */
        final long[] values = new long[5];

        Row(String type, String site) {
            this.type = type;
            this.site = site;
        }

        Row add(SiteTotals t) {
            values[0] += t.live();
            values[1] += t.liveBytes();
            values[2] += t.allocated();
            values[3] += t.dropped();
            values[4] += t.collected();
            return this;
        }
    }
}

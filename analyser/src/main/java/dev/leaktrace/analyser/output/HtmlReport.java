package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.result.Amount;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.Holder;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.Timeline;
import java.util.List;
import java.util.stream.Collectors;

/** The self-contained HTML report: charts, leak tables and, for two runs, the diff. */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222}
            svg.chart,svg.flame{display:block;width:100%;height:auto}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
            .muted{color:#666} .totals{font-size:15px;margin:8px 0}
            table{border-collapse:collapse;font-size:13px;margin:6px 0}
            th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:left} th{background:#f3f3f3}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            table{width:100%} td{overflow-wrap:normal;word-break:normal} td.growing,td.levelling,td.steady,td.single{white-space:nowrap}
            .legend span{display:inline-block;margin:2px 14px 2px 0;font-size:13px}
            .legend i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px}
            .v{white-space:nowrap;padding:1px 7px;border-radius:8px;font-weight:600;font-size:12px}
            .fixed{background:#d8f3dc;color:#1b5e20} .improved{background:#e3f2fd;color:#0d47a1}
            .unchanged{background:#eee;color:#444} .worse,.new{background:#fde2e2;color:#b71c1c}
            .growing{color:#b71c1c;font-weight:600}
            svg.flame text{pointer-events:none} svg.flame g{cursor:pointer} svg.flame g:hover rect{stroke:#000;stroke-width:1}
            .flame-tools{margin:6px 0} .flame-tools input{width:24em;font-size:13px;padding:2px 6px}
            code{background:#f3f3f3;padding:0 3px;border-radius:3px}
            """;

    private HtmlReport() {
    }

    /** A report of one run. */
    public static String of(Analysis run) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>leaktrace report</h1>\n<p class=\"muted\">").append(Html.escape(String.join(", ", run.files())))
                .append("</p>\n");
        body.append(totals(run));
        charts(body, run, TypeColours.of(run));
        flameGraph(body, run, "");
        leakTables(body, run, "");
        return page(body);
    }

    /** A report of a run before a fix and a run after it. */
    public static String of(Analysis before, Analysis after, LeakDiff diff) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>leaktrace report: before and after</h1>\n");
        body.append("<p class=\"totals\">Leaked before: <b>").append(amount(diff.before())).append("</b> (")
                .append(Html.escape(before.files().get(0))).append(")<br>Leaked after: <b>")
                .append(amount(diff.after())).append("</b> (").append(Html.escape(after.files().get(0)))
                .append(")</p>\n");
        diffTables(body, diff);
        TypeColours colours = TypeColours.of(before, after);
        charts(body, before, colours);
        charts(body, after, colours);
        flameGraph(body, after, " after");
        flameGraph(body, before, " before");
        leakTables(body, after, " after");
        leakTables(body, before, " before");
        return page(body);
    }

    private static String page(StringBuilder body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>leaktrace report</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
                + FlameGraphScript.SCRIPT + "</body>\n</html>\n";
    }

    private static String totals(Analysis run) {
        return "<p class=\"totals\">Leaked <b>" + run.leakedCount() + "</b> "
                + (run.leakedCount() == 1 ? "object" : "objects") + ", <b>"
                + ByteUnits.human(run.leakedBytes()) + "</b> (" + run.leakedBytes() + " bytes) &middot; "
                + run.allocations() + " allocations, " + run.drops() + " drops, " + run.collectedWithoutDrop()
                + " collected without drop</p>\n"
                + (run.hasSurvivorsLog() ? "<p class=\"muted\">" + Html.escape(LeaksText.survivorsNote(run)) + "</p>\n" : "");
    }

    private static void charts(StringBuilder body, Analysis run, TypeColours colours) {
        for (Timeline timeline : run.timelines()) {
            body.append("<h2>Live bytes over the run: ").append(Html.escape(timeline.file())).append("</h2>\n");
            if (timeline.types().isEmpty()) {
                body.append("<p class=\"muted\">No objects were alive at any sampled point.</p>\n");
                continue;
            }
            int shown = timeline.types().size();
            body.append("<p class=\"muted\">").append(shown == 1 ? "The type" : "The " + shown + " types")
                    .append(" with the most live bytes at their peak. A line still rising at the right edge is a "
                            + "leak that grows with the work done; a line that levels off is more like a cache.</p>\n");
            body.append(SvgChart.render(timeline, colours));
            body.append("<div class=\"legend\">");
            for (Timeline.TypeSeries series : timeline.types()) {
                body.append("<span data-type=\"").append(Html.escape(series.type())).append("\"><i style=\"background:")
                        .append(colours.of(series.type())).append("\"></i>").append(Html.name(series.type()))
                        .append("</span>");
            }
            body.append("</div>\n");
        }
    }

    /** The leaked bytes by call stack, when the log recorded stacks; otherwise how to record them. */
    private static void flameGraph(StringBuilder body, Analysis run, String which) {
        leakedFlameGraph(body, run, which);
        if (!run.collectedStacks().isEmpty()) {
            body.append("<h2>Collected without a drop, by call stack").append(which).append("</h2>\n")
                    .append("<p class=\"muted\">The same for objects the GC took that nobody released.</p>\n")
                    .append(SvgFlameGraph.render(run.collectedStacks()));
        }
    }

    private static void leakedFlameGraph(StringBuilder body, Analysis run, String which) {
        if (run.leakedCount() == 0) {
            return;
        }
        body.append("<h2>Leaked bytes by call stack").append(which).append("</h2>\n");
        if (!run.hasLeakedStacks()) {
            body.append("<p class=\"muted\">")
                    .append(run.stackLines() > 0
                            ? "The log has call stacks, but none of an object that leaked."
                            : "This log has no call stacks.")
                    .append(" To see the calls that led to each leak, add <code>stacks: 8</code> to the agent's "
                            + "config: the first objects of each allocation site then get a <code>@STACK</code> "
                            + "line.</p>\n");
            return;
        }
        body.append("<p class=\"muted\">Each box is a frame, as wide as the leaked bytes allocated through it: "
                + "the outermost caller at the top, the allocating frame below it, the leaked type (blue) at the "
                + "bottom. Leaked objects without a recorded stack (the agent records the first 8 of each site) "
                + "are drawn under the stacks recorded at their site, in proportion, their type marked "
                + "<code>(estimated)</code>; those of a site with no recorded stack stand under their "
                + "<code>[site]</code> (grey). "
                + "Hover over a box for its full name, bytes and share; click a box to zoom into it, and search to "
                + "highlight the frames whose name contains the text.</p>\n");
        body.append(SvgFlameGraph.render(EstimatedStacks.spread(run.stacks())));
    }

    private static void leakTables(StringBuilder body, Analysis run, String which) {
        body.append("<h2>Leaked objects").append(which).append("</h2>\n");
        if (run.groups().isEmpty()) {
            body.append("<p>No leaks: every allocation was dropped or collected.</p>\n");
        } else {
            groupTable(body, run.groups(), true);
            holderTable(body, run.groups(), which, "Who holds them");
        }
        holderTable(body, run.reachable(), which, "Released but still reachable");
        if (!run.collected().isEmpty()) {
            body.append("<h2>Collected by the GC without a drop").append(which).append("</h2>\n");
            groupTable(body, run.collected(), false);
        }
    }

    private static void groupTable(StringBuilder body, List<LeakGroup> groups, boolean withTrend) {
        body.append("<table>\n<tr><th>Type</th><th>Site</th><th>Library line</th><th>Count</th><th>Bytes</th><th>Size</th>")
                .append(withTrend ? "<th>Trend</th>" : "").append("<th>Example ids</th></tr>\n");
        for (LeakGroup group : groups) {
            body.append("<tr><td>").append(Html.name(group.type())).append("</td><td>")
                    .append(Html.site(group.site())).append("</td><td>")
                    .append(group.librarySites().stream().map(Html::site).collect(Collectors.joining(", ")))
                    .append("</td><td class=\"n\">").append(group.count())
                    .append("</td><td class=\"n\">").append(group.bytes()).append("</td><td class=\"n\">")
                    .append(ByteUnits.human(group.bytes())).append("</td>");
            if (withTrend) {
                body.append("<td class=\"").append(group.trend().label()).append("\">").append(group.trend().label())
                        .append("</td>");
            }
            body.append("<td>").append(group.ids().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    /** Who holds the leaked groups, when the log has heap lines. */
    private static void holderTable(StringBuilder body, List<LeakGroup> groups, String which, String title) {
        StringBuilder rows = new StringBuilder();
        for (LeakGroup group : groups) {
            if (group.heap() == null) {
                continue;
            }
            for (Holder holder : group.heap().holders()) {
                rows.append("<tr><td>").append(Html.escape(group.type())).append("</td><td>")
                        .append(Html.escape(group.site())).append("</td><td>").append(Html.escape(holder.describe()))
                        .append("</td><td class=\"n\">").append(holder.count()).append("</td><td class=\"n\">")
                        .append(ByteUnits.human(holder.retainedBytes())).append("</td><td class=\"n\">")
                        .append(ByteUnits.human(group.heap().retainedBytes())).append("</td></tr>\n");
            }
        }
        if (rows.length() == 0) {
            return;
        }
        body.append("<h2>").append(title).append(which).append("</h2>\n<p class=\"muted\">From a heap dump: the GC root "
                + "and the classes on the shortest strong path to the objects; retained is what releasing them would "
                + "free.</p>\n<table>\n<tr><th>Type</th><th>Site</th><th>Held by</th><th>Count</th><th>Retained</th>"
                + "<th>Group retained</th></tr>\n").append(rows).append("</table>\n");
    }

    private static void diffTables(StringBuilder body, LeakDiff diff) {
        body.append("<h2>Diff by type</h2>\n");
        if (diff.types().isEmpty()) {
            body.append("<p>No leaks in either run.</p>\n");
            return;
        }
        body.append("<table>\n<tr><th>Verdict</th><th>Type</th><th>Before</th><th>After</th></tr>\n");
        for (LeakDiff.TypeChange change : diff.types()) {
            body.append("<tr><td>").append(verdict(change.verdict().label())).append("</td><td>")
                    .append(Html.name(change.type())).append("</td><td class=\"n\">").append(amount(change.before()))
                    .append("</td><td class=\"n\">").append(amount(change.after())).append("</td></tr>\n");
        }
        body.append("</table>\n<h2>Diff by site</h2>\n<table>\n<tr><th>Verdict</th><th>Type</th><th>Site before</th>"
                + "<th>Site after</th><th>Before</th><th>After</th></tr>\n");
        for (LeakDiff.SiteChange change : diff.sites()) {
            body.append("<tr><td>").append(verdict(change.verdict().label())).append("</td><td>")
                    .append(Html.name(change.type())).append("</td><td>")
                    .append(change.beforeSite() == null ? "&ndash;" : Html.site(change.beforeSite()))
                    .append("</td><td>")
                    .append(change.afterSite() == null ? "&ndash;" : Html.site(change.afterSite()))
                    .append("</td><td class=\"n\">").append(amount(change.before())).append("</td><td class=\"n\">")
                    .append(amount(change.after())).append("</td></tr>\n");
        }
        body.append("</table>\n");
        if (!diff.holders().isEmpty()) {
            body.append("<h2>Diff by holder</h2>\n<table>\n<tr><th>Verdict</th><th>Type</th><th>Held by</th>"
                    + "<th>Before</th><th>After</th></tr>\n");
            for (LeakDiff.HolderChange change : diff.holders()) {
                body.append("<tr><td>").append(verdict(change.verdict().label())).append("</td><td>")
                        .append(Html.escape(change.type())).append("</td><td>").append(Html.escape(change.heldBy()))
                        .append("</td><td class=\"n\">").append(amount(change.before())).append("</td><td class=\"n\">")
                        .append(amount(change.after())).append("</td></tr>\n");
            }
            body.append("</table>\n");
        }
    }

    private static String verdict(String label) {
        return "<span class=\"v " + label + "\">" + label + "</span>";
    }

    private static String amount(Amount amount) {
        return amount.count() + " &middot; " + ByteUnits.human(amount.bytes());
    }
}

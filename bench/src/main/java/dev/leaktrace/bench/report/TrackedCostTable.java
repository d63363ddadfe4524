package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.util.List;

/** Workload 2's main table: every peer's cost per object, and what it adds over no agent. */
final class TrackedCostTable {
    private final JmhResults jmh;

    TrackedCostTable(JmhResults jmh) {
        this.jmh = jmh;
    }

    void render(StringBuilder out) {
        Markdown.head(out, "Peer", "Depth", "Threads", "ops/µs (median)", "JMH score ± error", "ns/object",
                "added ns/object", "vs leaktrace added");
        List<String> peers = jmh.peers("tracked");
        for (int threads : new int[] {1, 2}) {
            for (String depth : new String[] {"10", "100"}) {
                JmhRow floor = jmh.find("tracked", "none", depth, threads);
                JmhRow leaktrace = jmh.find("tracked", "leaktrace", depth, threads);
                for (String peer : peers) {
                    JmhRow r = jmh.find("tracked", peer, depth, threads);
                    if (r != null) {
                        row(out, r, floor, leaktrace);
                    }
                }
            }
        }
        out.append("\nWith 2 threads, ns/object is per thread (2000 / aggregate ops/µs). \"vs leaktrace added\" > 1 ")
                .append("means the peer adds more per object than leaktrace.\n\n");
    }

    private static void row(StringBuilder out, JmhRow r, JmhRow floor, JmhRow leaktrace) {
        boolean isFloor = r.peer().equals("none");
        String added = floor == null || isFloor ? "–" : fmt(r.nsPerObject() - floor.nsPerObject());
        String vs = "–";
        if (floor != null && leaktrace != null && !isFloor && !r.peer().equals("leaktrace")) {
            double peerAdded = r.nsPerObject() - floor.nsPerObject();
            double leaktraceAdded = leaktrace.nsPerObject() - floor.nsPerObject();
            vs = format("%.2f×", peerAdded / leaktraceAdded);
        }
        Markdown.row(out, r.peer(), r.depth(), Integer.toString(r.threads()), fmt(r.median()),
                fmt(r.score()) + " ± " + fmt(r.error()), fmt(r.nsPerObject()), added, vs);
    }
}

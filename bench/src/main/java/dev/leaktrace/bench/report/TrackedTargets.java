package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

/** Workload 2's targets: the added cost per object, its growth with depth, and two threads vs one. */
final class TrackedTargets {
    private final JmhResults jmh;

    TrackedTargets(JmhResults jmh) {
        this.jmh = jmh;
    }

    void judge(Targets targets) {
        double[] added = judgeAdded(targets, "none", "leaktrace", "Tracked construct + drop",
                "Tracked construct + drop, site and output to a file, 1 thread (added over no agent)", 200);
        if (added == null) {
            return;
        }
        double add10 = added[0];
        double add100 = added[1];
        double depthRatio = add100 / add10;
        targets.judge("Depth 100 vs depth 10, added cost", "≤ 1.20×",
                format("%.2f× (%s vs %s ns added)", depthRatio, fmt(add100), fmt(add10)), depthRatio <= 1.20);
        JmhRow t100 = oneThread("throwable-capture", "100");
        if (t100 != null) {
            double throwableAdded = t100.nsPerObject() - oneThread("none", "100").nsPerObject();
            double x = throwableAdded / add100;
            targets.judge("Cheaper than Throwable capture at depth 100", "≥ 10×",
                    format("%.1f× (%s vs %s ns added)", x, fmt(throwableAdded), fmt(add100)), x >= 10);
        }
        for (String depth : new String[] {"10", "100"}) {
            judgeTwoThreads(targets, depth);
        }
    }

    /**
     * An object a library's factory makes, charged to the calling line by the marked call; judged
     * after the other sections' targets, as it came after them.
     */
    void judgeFactory(Targets targets) {
        judgeAdded(targets, "factory-none", "leaktrace-factory", "Tracked through a library factory",
                "Tracked through a library factory, site the application's line, 1 thread (added over no agent)",
                250);
    }

    /**
     * Judges a peer's added ns per object over its no-agent floor at depth 10 and 100 against
     * {@code limit}; the two added figures, or null when a row is missing.
     */
    private double[] judgeAdded(Targets targets, String floor, String peer, String name, String figure, int limit) {
        JmhRow f10 = oneThread(floor, "10");
        JmhRow f100 = oneThread(floor, "100");
        JmhRow a10 = oneThread(peer, "10");
        JmhRow a100 = oneThread(peer, "100");
        String goal = "≤ " + limit + " ns/object";
        if (f10 == null || f100 == null || a10 == null || a100 == null) {
            targets.missing(name, goal);
            return null;
        }
        double add10 = a10.nsPerObject() - f10.nsPerObject();
        double add100 = a100.nsPerObject() - f100.nsPerObject();
        targets.judge(figure, goal, format("%s ns at depth 10, %s ns at depth 100 (total %s / %s ns)", fmt(add10),
                fmt(add100), fmt(a10.nsPerObject()), fmt(a100.nsPerObject())), add10 <= limit && add100 <= limit);
        return new double[] {add10, add100};
    }

    private void judgeTwoThreads(Targets targets, String depth) {
        JmhRow one = jmh.find("tracked", "leaktrace", depth, 1);
        JmhRow two = jmh.find("tracked", "leaktrace", depth, 2);
        if (one == null || two == null) {
            return;
        }
        double s = two.median() / one.median();
        String measured = format("%.2f× (%s vs %s ops/µs; no-agent floor scales %s× on this machine; "
                + "with output=none %s×)", s, fmt(two.median()), fmt(one.median()), scaling("none", depth),
                scaling("leaktrace-output-none", depth));
        targets.judge("2 threads vs 1, throughput, depth " + depth, "≥ 1.6×", measured, s >= 1.6);
    }

    /** A peer's throughput with 2 threads over 1, or "?" when either is missing. */
    private String scaling(String peer, String depth) {
        JmhRow one = jmh.find("tracked", peer, depth, 1);
        JmhRow two = jmh.find("tracked", peer, depth, 2);
        return one == null || two == null ? "?" : fmt(two.median() / one.median());
    }

    private JmhRow oneThread(String peer, String depth) {
        return jmh.find("tracked", peer, depth, 1);
    }
}

package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets of {@code log: survivors} and {@code metrics:}: the added cost of a short-lived
 * object at depth 10, two threads against one, the log's growth at a million objects a second, and
 * what serving metrics adds to either log mode.
 */
final class SurvivorsTargets {
    private static final Pattern RATE = Pattern.compile("rate=(\\d+)/s .*bytesPerSecond=(\\d+)");
    private final ResultsDir results;
    private final JmhResults jmh;

    SurvivorsTargets(ResultsDir results) {
        this.results = results;
        this.jmh = results.jmh();
    }

    void judge(Targets targets) throws IOException {
        JmhRow floor = jmh.find("tracked", "none", "10", 1);
        JmhRow one = jmh.find("tracked", "leaktrace-survivors", "10", 1);
        JmhRow two = jmh.find("tracked", "leaktrace-survivors", "10", 2);
        if (floor == null || one == null) {
            targets.missing("log: survivors, short-lived objects, depth 10, 1 thread (added)", "≤ 60 ns/object");
        } else {
            double added = one.nsPerObject() - floor.nsPerObject();
            targets.judge("log: survivors, short-lived objects, depth 10, 1 thread (added over no agent)",
                    "≤ 60 ns/object", format("%s ns (total %s ns; log: all %s ns)", fmt(added), fmt(one.nsPerObject()),
                            rowNs("leaktrace")), added <= 60);
        }
        if (one != null && two != null) {
            double s = two.median() / one.median();
            targets.judge("log: survivors, 2 threads vs 1, depth 10", "≥ 1.8×", format("%.2f× (%s vs %s ops/µs)", s,
                    fmt(two.median()), fmt(one.median())), s >= 1.8);
        }
        for (String line : results.lines("survivors-output.txt")) {
            Matcher m = RATE.matcher(line);
            if (m.find()) {
                long rate = Long.parseLong(m.group(1));
                long bytes = Long.parseLong(m.group(2));
                targets.judge("log: survivors, log growth at 1M short-lived objects/s, no leak", "≤ 10 KB/s",
                        format("%d B/s at %d objects/s", bytes, rate), bytes <= 10_000 && rate >= 900_000);
            }
        }
        metricsCost(targets, "leaktrace-survivors", "leaktrace-survivors-metrics", "log: survivors");
        metricsCost(targets, "leaktrace", "leaktrace-metrics", "log: all");
    }

    private void metricsCost(Targets targets, String without, String with, String mode) {
        JmhRow a = jmh.find("tracked", without, "10", 1);
        JmhRow b = jmh.find("tracked", with, "10", 1);
        if (a == null || b == null) {
            return;
        }
        double more = b.nsPerObject() / a.nsPerObject() - 1;
        targets.judge("metrics: on, " + mode + ", depth 10, 1 thread", "≤ +5%", format("%+.1f%% (%s vs %s ns/object)",
                more * 100, fmt(b.nsPerObject()), fmt(a.nsPerObject())), more <= 0.05);
    }

    private String rowNs(String peer) {
        JmhRow r = jmh.find("tracked", peer, "10", 1);
        return r == null ? "?" : fmt(r.nsPerObject());
    }
}

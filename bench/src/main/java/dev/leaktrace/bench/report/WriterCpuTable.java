package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

/**
 * Where the leaktrace peer's CPU went ({@code ThreadCpuProfiler}), and the bound that the writer's
 * share puts on two traced threads sharing 2 cores with it.
 */
final class WriterCpuTable {
    private static final String[] DEPTHS = {"10", "100"};
    private final JmhResults jmh;

    WriterCpuTable(JmhResults jmh) {
        this.jmh = jmh;
    }

    void render(StringBuilder out) {
        StringBuilder rows = new StringBuilder();
        for (String depth : DEPTHS) {
            for (int threads : new int[] {1, 2}) {
                JmhRow r = jmh.find("tracked", "leaktrace", depth, threads);
                double[] cpu = r == null ? null : r.cpu();
                if (cpu != null) {
                    Markdown.row(rows, depth, Integer.toString(threads), fmt(cpu[0]), fmt(cpu[1]), fmt(cpu[2]),
                            fmt(1000 * cpu[0] / r.median()));
                }
            }
        }
        if (rows.length() == 0) {
            return;
        }
        out.append("Where the CPU of `leaktrace` went (ThreadMXBean over the measured iterations, cores busy on ")
                .append("average):\n\n");
        Markdown.head(out, "Depth", "Threads", "benchmark threads", "writer", "whole JVM",
                "benchmark threads' CPU per object (ns)");
        out.append(rows).append('\n');
        renderBound(out);
    }

    /** The 2-core bound on 2 threads vs 1, from the 1-thread run's writer share, beside the measured ratio. */
    private void renderBound(StringBuilder out) {
        StringBuilder rows = new StringBuilder();
        for (String depth : DEPTHS) {
            JmhRow one = jmh.find("tracked", "leaktrace", depth, 1);
            JmhRow two = jmh.find("tracked", "leaktrace", depth, 2);
            double[] c1 = one == null ? null : one.cpu();
            double[] c2 = two == null ? null : two.cpu();
            if (c1 != null && c2 != null) {
                double w = c1[1] / c1[0];
                Markdown.row(rows, depth, fmt(w), format("%s×", fmt(2 / (1 + w))),
                        format("%.2f×", two.median() / one.median()), fmt(Math.max(0, 2 - c2[2])));
            }
        }
        if (rows.length() == 0) {
            return;
        }
        out.append("w = the writer's cores per core of tracing (1 thread); two traced threads and the writer need ")
                .append("2 × (1 + w) cores' worth, so on 2 cores two threads reach at most 2 / (1 + w) × one ")
                .append("thread:\n\n");
        Markdown.head(out, "Depth", "w", "bound on 2 cores", "2 threads vs 1, measured", "cores idle with 2 threads");
        out.append(rows).append('\n');
    }
}

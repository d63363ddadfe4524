package dev.leaktrace.bench.report;

import dev.leaktrace.bench.ThreadCpuProfiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One row of {@code jmh.tsv}: one peer's result at one depth and thread count. */
record JmhRow(Map<String, String> cells) {
    String workload() {
        return cells.get("workload");
    }

    String peer() {
        return cells.get("peer");
    }

    String benchmark() {
        return cells.get("benchmark");
    }

    String depth() {
        return cells.get("depth");
    }

    int threads() {
        return Integer.parseInt(cells.get("threads"));
    }

    String jvmArgs() {
        return cells.get("jvmArgs");
    }

    double median() {
        return number("median");
    }

    double score() {
        return number("score");
    }

    double error() {
        return number("error");
    }

    /** Wall time per object and thread, from the throughput in ops/µs. */
    double nsPerObject() {
        return 1000.0 * threads() / median();
    }

    /** The iterations' scores as JMH printed them, comma-separated. */
    String iterationsText() {
        return cells.get("iterations");
    }

    List<Double> iterations() {
        List<Double> values = new ArrayList<>();
        for (String x : iterationsText().split(",")) {
            if (!x.isBlank()) {
                values.add(Double.parseDouble(x.trim()));
            }
        }
        return values;
    }

    /** {benchmark threads, writer, JVM} in cores, or null when the run did not measure them. */
    double[] cpu() {
        List<String> columns = ThreadCpuProfiler.COLUMNS;
        double[] cores = new double[columns.size()];
        for (int i = 0; i < cores.length; i++) {
            String v = cells.get(columns.get(i));
            if (v == null || v.equals("-")) {
                return null;
            }
            cores[i] = Double.parseDouble(v);
        }
        return cores[0] > 0 ? cores : null;
    }

    private double number(String key) {
        return Double.parseDouble(cells.get(key));
    }
}

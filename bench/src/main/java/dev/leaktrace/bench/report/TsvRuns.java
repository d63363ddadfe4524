package dev.leaktrace.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A script's results.tsv: a header line naming the columns, then one line per run. */
final class TsvRuns {
    private final List<String> columns;
    private final List<String[]> runs;

    private TsvRuns(List<String> columns, List<String[]> runs) {
        this.columns = columns;
        this.runs = runs;
    }

    /** Null when there is no run (no file, or a header alone). */
    static TsvRuns of(List<String> lines) {
        if (lines.size() < 2) {
            return null;
        }
        List<String[]> runs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            runs.add(line.split("\t"));
        }
        return new TsvRuns(List.of(lines.get(0).split("\t")), runs);
    }

    List<String[]> runs() {
        return runs;
    }

    /** The runs whose {@code column} holds {@code value}. */
    TsvRuns where(String column, String value) {
        return new TsvRuns(columns, runs.stream().filter(r -> cell(r, column).equals(value)).toList());
    }

    String cell(String[] run, String column) {
        int at = columns.indexOf(column);
        return at < 0 || at >= run.length ? "?" : run[at];
    }

    /** The median of a column's numbers; NaN when it has none. */
    double median(String column) {
        double[] values = runs.stream().mapToDouble(r -> {
            try {
                return Double.parseDouble(cell(r, column));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}

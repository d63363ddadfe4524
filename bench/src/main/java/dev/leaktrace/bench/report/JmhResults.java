package dev.leaktrace.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of {@code jmh.tsv} ({@code RunAll}), looked up by workload, peer, depth and threads. */
final class JmhResults {
    private final List<JmhRow> rows;

    private JmhResults(List<JmhRow> rows) {
        this.rows = rows;
    }

    /** The file's lines: a header of column names, then one tab-separated row per result. */
    static JmhResults parse(List<String> lines) {
        List<JmhRow> rows = new ArrayList<>();
        if (!lines.isEmpty()) {
            String[] head = lines.get(0).split("\t", -1);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < head.length && i < cells.length; i++) {
                    row.put(head[i], cells[i]);
                }
                rows.add(new JmhRow(row));
            }
        }
        return new JmhResults(rows);
    }

    /** The row, or null when the run has none (a peer skipped, or a run cut short). */
    JmhRow find(String workload, String peer, String depth, int threads) {
        for (JmhRow r : rows) {
            if (r.workload().equals(workload) && r.peer().equals(peer) && r.depth().equals(depth)
                    && r.threads() == threads) {
                return r;
            }
        }
        return null;
    }

    /** The first row of a peer, for what all its rows share (benchmark, JVM arguments). */
    JmhRow first(String workload, String peer) {
        for (JmhRow r : rows) {
            if (r.workload().equals(workload) && r.peer().equals(peer)) {
                return r;
            }
        }
        return null;
    }

    /** A workload's peers in the order they ran. */
    List<String> peers(String workload) {
        List<String> peers = new ArrayList<>();
        for (JmhRow r : rows) {
            if (r.workload().equals(workload) && !peers.contains(r.peer())) {
                peers.add(r.peer());
            }
        }
        return peers;
    }
}

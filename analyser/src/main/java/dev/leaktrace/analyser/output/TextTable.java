package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.Printable;
import java.util.ArrayList;
import java.util.List;

/** Columns padded to their widest cell; numeric columns right-aligned. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    TextTable(boolean[] rightAligned, String... header) {
        this.rightAligned = rightAligned;
        rows.add(header);
    }

    /** Cells come from the log (types, sites): control characters in them are shown, not sent to the terminal. */
    void add(String... cells) {
        String[] shown = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            shown[i] = cells[i] == null ? null : Printable.of(cells[i]);
        }
        rows.add(shown);
    }

    String render(String indent) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(rightAligned[c] ? pad + row[c] : row[c] + (c < columns - 1 ? pad : ""));
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}

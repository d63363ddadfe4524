package dev.leaktrace.bench.report;

import java.util.Locale;

/** Number formatting and table rows shared by the report's sections. */
final class Markdown {
    private Markdown() {
    }

    /** Three significant digits or so, enough for figures this noisy. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }

    static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    static void head(StringBuilder out, String... columns) {
        row(out, columns);
        out.append("|---".repeat(columns.length)).append("|\n");
    }

    static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** A line naming the command that produced a section's figures. */
    static void command(StringBuilder out, String command) {
        out.append("Command: `").append(command).append("`\n\n");
    }
}

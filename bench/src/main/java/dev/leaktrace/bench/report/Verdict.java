package dev.leaktrace.bench.report;

/** How a figure stands against its target, as the targets table shows it. */
enum Verdict {
    PASS("PASS"),
    MISS("**MISS**"),
    /** The run has no result for the figure. */
    MISSING("MISSING"),
    /** The command that the figure times is not in the agent's jar. */
    PENDING("PENDING");

    final String cell;

    Verdict(String cell) {
        this.cell = cell;
    }
}

package dev.leaktrace.bench.report;

import java.io.IOException;

/** One section of BENCHMARKS.md: its tables, and the verdicts of the targets it measures. */
interface Section {
    void render(StringBuilder out, Targets targets) throws IOException;
}

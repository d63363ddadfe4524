package dev.leaktrace.bench;

import dev.leaktrace.bench.report.BenchmarksReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes BENCHMARKS.md from the result files that scripts/bench.sh leaves in its output directory:
 * {@code machine.txt}, {@code commands.tsv}, {@code jmh.tsv} ({@link RunAll}),
 * {@code startup.json} and {@code analyser.json} (hyperfine), {@code memory-*.txt}
 * ({@code MemoryProbe}), {@code rss-*.txt} and {@code exit-*.txt}.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.leaktrace.bench.Report RESULTS_DIR BENCHMARKS.md</pre>
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Report RESULTS_DIR BENCHMARKS.md");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), BenchmarksReport.render(Path.of(args[0])));
    }
}

package dev.leaktrace.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files that scripts/bench.sh leaves in its results directory. A file that is missing reads
 * as empty or null, so that a run cut short still renders what it measured.
 */
final class ResultsDir {
    private final Path dir;
    private final Map<String, String> commands = new LinkedHashMap<>();
    private final JmhResults jmh;

    ResultsDir(Path dir) throws IOException {
        this.dir = dir;
        for (String line : lines("commands.tsv")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                commands.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        jmh = JmhResults.parse(lines("jmh.tsv"));
    }

    JmhResults jmh() {
        return jmh;
    }

    /** A command the script recorded under this key in {@code commands.tsv}, or "?". */
    String command(String key) {
        return commands.getOrDefault(key, "?");
    }

    String command(String key, String absent) {
        return commands.getOrDefault(key, absent);
    }

    /** Whether the JMH workloads ran in the short --quick mode. */
    boolean quick() {
        return command("jmh", "").contains("--quick");
    }

    List<String> lines(String file) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    /** A hyperfine JSON export, or null when that part did not run. */
    List<HyperfineRun> hyperfine(String file) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? HyperfineRun.parse(Files.readString(p)) : null;
    }

    /** A {@code MemoryProbe} output, or null when it is missing or incomplete. */
    Properties memoryProbe(String file) throws IOException {
        Path p = dir.resolve(file);
        if (!Files.exists(p)) {
            return null;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(p)) {
            props.load(in);
        }
        return props.getProperty("objects") == null ? null : props;
    }
}

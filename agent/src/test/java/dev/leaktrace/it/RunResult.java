package dev.leaktrace.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What one run of a JVM left: its exit code, stdout, stderr and the agent's log. */
public final class RunResult {
    private final int exit;
    private final String stdout;
    private final String stderr;
    private final Path logFile;
    private String log;

    RunResult(int exit, String stdout, String stderr, Path logFile) {
        this.exit = exit;
        this.stdout = stdout;
        this.stderr = stderr;
        this.logFile = logFile;
    }

    public int exit() {
        return exit;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    /**
     * The agent's log, empty when it wrote none. Read when first asked for, so that a test can read
     * a very large one line by line instead; a byte that is not UTF-8 (a torn line) becomes U+FFFD.
     */
    public String log() {
        if (log == null) {
            try {
                log = Files.exists(logFile) ? new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return log;
    }

    /** The @ALLOCATE, @DROP and @GC lines of the log. */
    public List<Event> events() {
        return log().lines().filter(Event::isEvent).map(Event::parse).collect(Collectors.toList());
    }

    /** The library line of each object that has a @LIBRARY line, by id. */
    public java.util.Map<Long, String> librarySites() {
        return log().lines().filter(l -> l.startsWith("@LIBRARY ")).map(l -> l.split(" "))
                .collect(Collectors.toMap(f -> Long.parseLong(f[1]), f -> f[2]));
    }

    public List<Event> events(String kind, String type) {
        return events().stream().filter(e -> e.kind().equals(kind) && e.type().equals(type))
                .collect(Collectors.toList());
    }

    /** The allocations of a type that no @DROP or @GC line ends. */
    public List<Event> leaked(String type) {
        Set<Long> released = events().stream().filter(e -> !e.kind().equals("ALLOCATE")).map(Event::id)
                .collect(Collectors.toSet());
        return events("ALLOCATE", type).stream().filter(a -> !released.contains(a.id())).toList();
    }

    /** The sites a fixture printed as {@code SITE <file>:<line>}, in order. */
    public List<String> sitesPrinted() {
        return stdout.lines().filter(l -> l.startsWith("SITE ")).map(l -> l.substring(5))
                .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr + "--- log\n" + log();
    }
}

package dev.leaktrace.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM {@link JvmRun#start started} in the background; its stdout and stderr go to files. */
public final class RunningJvm {
    private final Process process;
    private final List<String> command;
    private final Path stdout;
    private final Path stderr;
    private final Path log;

    RunningJvm(Process process, List<String> command, Path stdout, Path stderr, Path log) {
        this.process = process;
        this.command = command;
        this.stdout = stdout;
        this.stderr = stderr;
        this.log = log;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** What it printed so far. */
    public String stdout() throws IOException {
        return Files.readString(stdout);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /**
     * Waits for a line of stdout starting with {@code prefix} and returns it. Not a timing
     * assertion: the fixture prints the line when it reaches that point, whenever that is.
     */
    public String awaitLine(String prefix) throws IOException, InterruptedException {
        return awaitLine(stdout, prefix);
    }

    /** {@link #awaitLine} on stderr. */
    public String awaitErrorLine(String prefix) throws IOException, InterruptedException {
        return awaitLine(stderr, prefix);
    }

    private String awaitLine(Path output, String prefix) throws IOException, InterruptedException {
        for (int i = 0; i < 6000; i++) {
            for (String line : Files.readAllLines(output)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("ended with " + process.exitValue() + " before printing " + prefix
                        + "\n" + stdout() + stderr());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line " + prefix + " after 120 s\n" + stdout() + stderr());
    }

    /** Waits for the end; a JVM still running after {@code timeout} is killed and fails the test. */
    public RunResult finish(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + command + "\n" + stdout() + stderr());
        }
        return new RunResult(process.exitValue(), stdout(), stderr(), log);
    }
}

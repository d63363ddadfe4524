package dev.leaktrace.it.reliability;

import dev.leaktrace.it.AgentRun;
import dev.leaktrace.it.Built;
import dev.leaktrace.it.Jdk;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fixture JVM for the reliability suite. Unlike {@link AgentRun} it can give the agent flag
 * twice or not at all, add class path entries the application brings, and start the JVM in the
 * background so that a test can signal it.
 */
final class Run {
    private final Jdk jdk;
    private final Path dir;
    private final List<String> agents = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private String mainClass;

    private Run(Jdk jdk, String mainClass) throws IOException {
        this.jdk = jdk;
        this.mainClass = mainClass;
        this.dir = Files.createTempDirectory("leaktrace-reliability");
        classPath.add(Built.TEST_CLASSES.toString());
    }

    static Run of(Jdk jdk, String mainClass) throws IOException {
        return new Run(jdk, mainClass);
    }

    /** The file name fixtures.reliability.DirLoader expects for a class: its binary name, URL-encoded. */
    static String classFileName(String binaryName) {
        return java.net.URLEncoder.encode(binaryName, StandardCharsets.UTF_8) + ".class";
    }

    Path dir() {
        return dir;
    }

    Path log() {
        return dir.resolve("trace.log");
    }

    /** Writes the config and adds {@code -javaagent:leaktrace.jar=config=...,output=<log>} plus {@code extra}. */
    Run agent(String yaml, String extra) throws IOException {
        Path config = dir.resolve("leaktrace" + agents.size() + ".yaml");
        Files.writeString(config, yaml);
        return rawAgent("config=" + config + ",output=" + log() + extra);
    }

    Run agent(String yaml) throws IOException {
        return agent(yaml, "");
    }

    /** {@code -javaagent:leaktrace.jar=<arguments>} exactly as given. */
    Run rawAgent(String arguments) {
        agents.add("-javaagent:" + Built.AGENT_JAR + (arguments.isEmpty() ? "" : "=" + arguments));
        return this;
    }

    /** A flag for another agent, e.g. {@code -javaagent:other.jar}. */
    Run foreignAgent(String flag) {
        agents.add(flag);
        return this;
    }

    Run jvm(String option) {
        jvmOptions.add(option);
        return this;
    }

    Run classPath(Path entry) {
        classPath.add(entry.toString());
        return this;
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(agents);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the JVM in the background; its stdout and stderr go to files of the run's folder. */
    Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args))
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    AgentRun.Result run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        return finish(process, 180);
    }

    AgentRun.Result finish(Process process, int seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("timed out after " + seconds + " s: " + command() + "\n" + stdout() + stderr());
        }
        String log = Files.exists(log()) ? Files.readString(log(), StandardCharsets.ISO_8859_1) : "";
        return new AgentRun.Result(process.exitValue(), stdout(), stderr(), log);
    }

    String stdout() throws IOException {
        return Files.readString(dir.resolve("stdout.txt"));
    }

    String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }

    /**
     * Waits for a line of stdout starting with {@code prefix} and returns it. Not a timing
     * assertion: the fixture prints the line when it reaches that point, whenever that is.
     */
    String awaitLine(Process process, String prefix) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        for (int i = 0; i < 6000; i++) {
            for (String line : Files.readAllLines(out)) {
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
}

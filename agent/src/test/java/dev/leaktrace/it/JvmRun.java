package dev.leaktrace.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One JVM an end-to-end test starts: which JDK, its agents, JVM options, class path, main class,
 * arguments, environment and time limit. Each run has a folder of its own for the configs it
 * writes, its stdout and stderr, and the agent's log.
 */
public final class JvmRun {
    private final Jdk jdk;
    private final Path dir;
    private final Path jar;
    /** Resolved when the JVM starts, so that {@link #agentJar} applies to agents added before it. */
    private final List<Supplier<String>> agents = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>(List.of(Built.TEST_CLASSES.toString()));
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path agentJar = Built.AGENT_JAR;
    private String mainClass = "fixtures.Scenarios";
    private Path workingDirectory;
    private Duration timeout = Duration.ofSeconds(180);
    private int configs;
    private boolean stdoutUnread;

    private JvmRun(Jdk jdk, Path jar) throws IOException {
        this.jdk = jdk;
        this.jar = jar;
        this.dir = Files.createTempDirectory("leaktrace-it");
    }

    /** A fixture program of the test classes; fixtures.Scenarios unless {@link #main} says another. */
    public static JvmRun on(Jdk jdk) throws IOException {
        return new JvmRun(jdk, null);
    }

    /** {@code java -jar leaktrace.jar}: the analyser's command line, as a user runs it. */
    public static JvmRun cli(Jdk jdk) throws IOException {
        return new JvmRun(jdk, Built.AGENT_JAR).timeout(Duration.ofSeconds(60));
    }

    public Path dir() {
        return dir;
    }

    /** Where {@link #agent} and {@link #agentWithConfig} have the agent write. */
    public Path log() {
        return dir.resolve("trace.log");
    }

    /** Writes the config to leaktrace0.yaml (then 1, 2, ...) and adds the agent with it, writing to {@link #log}. */
    public JvmRun agent(String yaml) throws IOException {
        Path config = dir.resolve("leaktrace" + configs++ + ".yaml");
        Files.writeString(config, yaml);
        return agentWithConfig(config.toString());
    }

    /** Adds the agent with a config path or recipe:NAME as it is, writing to {@link #log}. */
    public JvmRun agentWithConfig(String location) {
        return agentArguments("config=" + location + ",output=" + log());
    }

    /** Adds {@code -javaagent:<agent jar>=<arguments>} exactly as given; none when empty. */
    public JvmRun agentArguments(String arguments) {
        agents.add(() -> "-javaagent:" + agentJar + (arguments.isEmpty() ? "" : "=" + arguments));
        return this;
    }

    /** Another copy of the agent's jar for the agent flags, e.g. one renamed. */
    public JvmRun agentJar(Path jar) {
        this.agentJar = jar;
        return this;
    }

    /** Another agent than leaktrace with its arguments, in its place among the agent flags. */
    public JvmRun otherAgentWithArguments(Path jar, String arguments) {
        agents.add(() -> "-javaagent:" + jar + "=" + arguments);
        return this;
    }

    /** Another agent than leaktrace, in its place among the agent flags. */
    public JvmRun otherAgent(Path jar) {
        agents.add(() -> "-javaagent:" + jar);
        return this;
    }

    /** An option for the JVM; these follow the agent flags. */
    public JvmRun jvm(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Jars or folders after the test classes on the class path. */
    public JvmRun classPath(Path... entries) {
        for (Path entry : entries) {
            classPath.add(entry.toString());
        }
        return this;
    }

    public JvmRun main(String className) {
        this.mainClass = className;
        return this;
    }

    public JvmRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The folder the JVM runs in; the run's own folder unless set. */
    public JvmRun workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** How long {@link #run} waits for the JVM to end before failing the test. */
    public JvmRun timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * The JVM's stdout goes to a pipe that nobody reads: once the pipe is full, whoever writes to
     * stdout blocks (a stuck output). {@link RunningJvm#stdout} is then empty.
     */
    public JvmRun stdoutUnread() {
        this.stdoutUnread = true;
        return this;
    }

    /** Runs the JVM to its end. */
    public RunResult run(String... args) throws IOException, InterruptedException {
        return start(args).finish(timeout);
    }

    /** Starts the JVM in the background, e.g. to signal it or attach to it. */
    public RunningJvm start(String... args) throws IOException {
        List<String> command = command(args);
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory((workingDirectory == null ? dir : workingDirectory).toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        if (stdoutUnread) {
            builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
            Files.writeString(stdout, "");
        }
        builder.environment().putAll(env);
        return new RunningJvm(builder.start(), command, stdout, stderr, log());
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        agents.forEach(flag -> command.add(flag.get()));
        command.addAll(jvmOptions);
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classPath));
            command.add(mainClass);
        }
        command.addAll(List.of(args));
        return command;
    }
}

package dev.leaktrace.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Starts a real JVM with -javaagent on the built jar and collects its exit code, output and log. */
public final class AgentRun {
    private final Jdk jdk;
    private final Path dir;
    private String config;
    private String configLocation;
    private String agentOptions = "";
    private final List<String> jvmOptions = new ArrayList<>();
    private String mainClass = "fixtures.Scenarios";
    private Path agentJar = Built.AGENT_JAR;
    private final List<String> classpath = new ArrayList<>();

    private AgentRun(Jdk jdk) throws IOException {
        this.jdk = jdk;
        this.dir = Files.createTempDirectory("leaktrace-it");
    }

    public static AgentRun on(Jdk jdk) throws IOException {
        return new AgentRun(jdk);
    }

    /** The YAML text of the config; the output goes to a file of the run's own folder. */
    public AgentRun config(String yaml) {
        this.config = yaml;
        return this;
    }

    /** A config path or recipe:NAME used as it is. */
    public AgentRun configLocation(String location) {
        this.configLocation = location;
        return this;
    }

    /** Extra agent options appended after config and output, e.g. ",onConfigError=warn". */
    public AgentRun agentOptions(String options) {
        this.agentOptions = options;
        return this;
    }

    /** Another copy of the agent's jar, e.g. one renamed. */
    public AgentRun agentJar(Path jar) {
        this.agentJar = jar;
        return this;
    }

    public AgentRun jvm(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Jars or folders appended to the fixture JVM's class path, after the test classes. */
    public AgentRun classpath(String... entries) {
        classpath.addAll(List.of(entries));
        return this;
    }

    public AgentRun main(String className) {
        this.mainClass = className;
        return this;
    }

    public Path dir() {
        return dir;
    }

    public Path log() {
        return dir.resolve("trace.log");
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        if (config != null) {
            configLocation = dir.resolve("leaktrace.yaml").toString();
            Files.writeString(Path.of(configLocation), config);
        }
        if (configLocation != null) {
            command.add("-javaagent:" + agentJar + "=config=" + configLocation + ",output=" + log() + agentOptions);
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        entries.add(Built.TEST_CLASSES.toString());
        entries.addAll(classpath);
        command.add(String.join(java.io.File.pathSeparator, entries));
        command.add(mainClass);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String log = Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        return new Result(process.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")), log);
    }

    /** What one run left behind. */
    public record Result(int exit, String stdout, String stderr, String log) {
        public List<Event> events() {
            return log.lines().filter(l -> l.startsWith("@")).map(Event::parse).collect(Collectors.toList());
        }

        public List<Event> events(String kind, String type) {
            return events().stream().filter(e -> e.kind().equals(kind) && e.type().equals(type))
                    .collect(Collectors.toList());
        }

        public List<String> sitesPrinted() {
            return stdout.lines().filter(l -> l.startsWith("SITE ")).map(l -> l.substring(5))
                    .collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr + "--- log\n" + log;
        }
    }
}

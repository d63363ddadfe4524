package dev.leaktrace.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Maven build of a sample project, run the way a user runs it: {@code mvn} in the project's
 * folder, with a local repository of its own that holds this build's artifacts, and a settings
 * file that takes everything else from the outer build's local repository before Maven Central,
 * so it neither downloads again what is here nor writes into the shared repository.
 */
final class SampleBuild {
    /** The result of one {@code mvn} run. */
    record Outcome(int exit, String output) {
    }

    private static final long TIMEOUT_MINUTES = 8;

    private SampleBuild() {
    }

    /** Copies {@code source} to {@code target}, replacing each {@code @key@} by its value in every text file. */
    static Path copy(Path source, Path target, Map<String, String> values) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace("@" + value.getKey() + "@", value.getValue());
                }
                Files.writeString(to, text, StandardCharsets.UTF_8);
            }
        }
        return target;
    }

    /** The values the sample projects' {@code @key@} placeholders stand for, from the outer build. */
    static Map<String, String> versions() {
        return Map.of(
                "leaktrace.version", property("leaktrace.version"),
                "junit.version", property("junit.version"),
                "compiler.version", property("compiler.version"),
                "surefire.version", property("surefire.version"));
    }

    /** Writes the settings file that puts the outer local repository before Maven Central. */
    static Path settings(Path file) throws IOException {
        String outer = Path.of(property("outer.repository")).toUri().toString();
        String repository = "<id>outer-local</id><url>" + outer + "</url>"
                + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(file, """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-local</id>
                      <repositories><repository>%1$s</repository></repositories>
                      <pluginRepositories><pluginRepository>%1$s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-local</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository), StandardCharsets.UTF_8);
        return file;
    }

    /** Runs {@code mvn -B args} in {@code project} on the JDK whose {@code java} is given. */
    static Outcome mvn(Path project, Path java, Path settings, Path localRepository, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepository));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        builder.environment().remove("MAVEN_OPTS");
        Path log = project.resolve("mvn-output.txt");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn did not finish within " + TIMEOUT_MINUTES + " minutes in " + project
                    + ":\n" + Files.readString(log));
        }
        return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run this test through Failsafe");
        }
        return value;
    }
}

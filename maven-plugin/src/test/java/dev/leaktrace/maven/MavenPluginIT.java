package dev.leaktrace.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds the sample project {@code src/it/pool}, whose test opens three connections and closes
 * none, with the plugin: as it is, fixed, and with a budget that allows the leak; on each JDK.
 */
class MavenPluginIT {
    private static final String LEAKY = """
                    Connection connection = new Connection();
                    opened.add(connection);
                    return connection.query("select count(*) from users"); // LEAK: never closed
            """;
    private static final String FIXED = """
                    try (Connection connection = new Connection()) {
                        return connection.query("select count(*) from users");
                    }
            """;

    @TempDir
    static Path work;
    private static Path settings;

    @BeforeAll
    static void writeSettings() throws Exception {
        settings = SampleBuild.settings(work.resolve("settings.xml"));
    }

    static List<Jdk> jdks() {
        return Jdk.all().stream().filter(jdk -> !jdk.name().equals("java21")).toList();
    }

    private static Path sample(String name, Jdk jdk) throws Exception {
        return SampleBuild.copy(Path.of("src/it/pool"), work.resolve(name + "-" + jdk.name()), SampleBuild.versions());
    }

    private static SampleBuild.Outcome verify(Path project, Jdk jdk) throws Exception {
        return SampleBuild.mvn(project, jdk.java(), settings, Path.of(SampleBuild.property("it.repository")), "verify");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aTestThatLeaksFailsTheBuildNamingTypeSiteAndCount(Jdk jdk) throws Exception {
        SampleBuild.Outcome build = verify(sample("leaky", jdk), jdk);
        assertThat(build.exit()).as(build.output()).isEqualTo(1);
        assertThat(build.output())
                .contains("Tests run: 1, Failures: 0")
                .contains("leaktrace: --fail-on-leak: 3 objects leaked")
                .containsPattern("\\s3\\s+\\d+\\s.*sample\\.Connection\\s+sample/Repository\\.java:11\\s")
                .contains("BUILD FAILURE");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void theFixedProjectPassesAndGetsItsReport(Jdk jdk) throws Exception {
        Path project = sample("fixed", jdk);
        Path repository = project.resolve("src/main/java/sample/Repository.java");
        String source = Files.readString(repository, StandardCharsets.UTF_8);
        assertThat(source).contains(LEAKY);
        Files.writeString(repository, source.replace(LEAKY, FIXED), StandardCharsets.UTF_8);

        SampleBuild.Outcome build = verify(project, jdk);
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(build.output()).contains("No leaks: every allocation was dropped.").contains("BUILD SUCCESS");
        Path report = project.resolve("target/leaktrace/report.html");
        assertThat(Files.readString(report)).contains("sample.Connection");
        assertThat(project.resolve("target/leaktrace/leaktrace.jar")).exists();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aBudgetLetsTheKnownLeakThroughButNotOneMore(Jdk jdk) throws Exception {
        Path project = sample("budget", jdk);
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<failOnLeak>true</failOnLeak>",
                "<budget>${project.basedir}/leaktrace-budget.yaml</budget>"));
        Path budget = project.resolve("leaktrace-budget.yaml");
        Files.writeString(budget, "budgets:\n  - type: sample.Connection\n    count: 3\n");
        SampleBuild.Outcome allowed = verify(project, jdk);
        assertThat(allowed.exit()).as(allowed.output()).isZero();
        assertThat(allowed.output()).contains("BUILD SUCCESS");

        Files.writeString(budget, "budgets:\n  - type: sample.Connection\n    count: 2\n");
        SampleBuild.Outcome over = verify(project, jdk);
        assertThat(over.exit()).as(over.output()).isEqualTo(1);
        assertThat(over.output()).contains("sample.Connection: 3 leaked, allowed 2 (");
    }
}

package dev.leaktrace.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's way to get the artifacts, from nothing: {@code git clone}, {@code mvn -B install
 * -DskipTests} into a local repository of the clone's own, then a project that uses
 * {@code @LeakCheck} and the plugin from that repository.
 */
class FreshCloneIT {
    @TempDir
    Path work;

    @Test
    void aFreshCloneInstallsEveryArtifactAndAProjectUsesThem() throws Exception {
        Path clone = work.resolve("leaktrace");
        Process git = new ProcessBuilder("git", "clone", "--quiet", SampleBuild.property("project.root"), clone.toString())
                .inheritIO().start();
        assertThat(git.waitFor(2, TimeUnit.MINUTES) && git.exitValue() == 0).as("git clone").isTrue();
        Path settings = SampleBuild.settings(work.resolve("settings.xml"));
        Path repository = work.resolve("repository");
        Path java = Jdk.current().java();

        SampleBuild.Outcome install = SampleBuild.mvn(clone, java, settings, repository, "install", "-DskipTests");
        assertThat(install.exit()).as(install.output()).isZero();
        Path installed = repository.resolve("dev/leaktrace");
        try (Stream<Path> modules = Files.list(installed)) {
            assertThat(modules.map(p -> p.getFileName().toString())).contains("leaktrace-parent", "leaktrace",
                    "leaktrace-bootstrap", "leaktrace-instrumentation", "leaktrace-analyser", "leaktrace-junit",
                    "leaktrace-maven-plugin", "demo-app", "leaktrace-bench");
        }

        Path project = SampleBuild.copy(Path.of("src/it/leakcheck"), work.resolve("leakcheck"), SampleBuild.versions());
        SampleBuild.copy(Path.of("src/it/pool/src/main"), project.resolve("src/main"), SampleBuild.versions());
        SampleBuild.Outcome clean = SampleBuild.mvn(project, java, settings, repository, "verify", "-Dtest=ClosingTest");
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("Tests run: 1, Failures: 0, Errors: 0").contains("leaktrace: argLine set to -javaagent:")
                .contains("No leaks: every allocation was dropped.");

        SampleBuild.Outcome leaky = SampleBuild.mvn(project, java, settings, repository, "verify", "-Dtest=LeakingTest");
        assertThat(leaky.exit()).as(leaky.output()).isEqualTo(1);
        assertThat(leaky.output()).contains("LeakingTest.forgetsToClose")
                .contains("sample.Connection").contains("sample/LeakingTest.java:16");
    }
}

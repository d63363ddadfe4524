package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Built;
import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Another agent that rewrites the same classes, loaded before ours and after it: JaCoCo's
 * (Maven Central's org.jacoco.agent runtime jar, copied into target/app-libs/jacoco), and one
 * built on Byte Buddy (the application's own 1.17.8) that adds advice to the traced class's
 * constructor and close(). No VerifyError, every object exactly once, and the other agent's
 * work done too.
 */
class StackedAgentsIT {
    private static final String CONFIG = "types:\n  - class: fixtures.reliability.Tracked\n";
    private static final int COUNT = 5000;

    @OnEachJdk
    void jacocoBeforeLeaktrace(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Exits");
        Path exec = run.dir().resolve("jacoco.exec");
        run.otherAgentWithArguments(jacoco(), "destfile=" + exec).agent(CONFIG);
        exact(run.run("normal", "" + COUNT), exec);
    }

    @OnEachJdk
    void jacocoAfterLeaktrace(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Exits");
        Path exec = run.dir().resolve("jacoco.exec");
        run.agent(CONFIG).otherAgentWithArguments(jacoco(), "destfile=" + exec);
        exact(run.run("normal", "" + COUNT), exec);
    }

    @OnEachJdk
    void byteBuddyAgentBeforeLeaktrace(Jdk jdk) throws Exception {
        JvmRun run = withBuddy(jdk);
        run.otherAgent(buddyJar(run)).agent(CONFIG);
        buddyExact(run.run("" + COUNT));
    }

    @OnEachJdk
    void byteBuddyAgentAfterLeaktrace(Jdk jdk) throws Exception {
        JvmRun run = withBuddy(jdk);
        run.agent(CONFIG).otherAgent(buddyJar(run));
        buddyExact(run.run("" + COUNT));
    }

    private static JvmRun withBuddy(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.WithBuddyAgent")
                .jvm("-Dnet.bytebuddy.experimental=true");
        try (Stream<Path> jars = Files.list(Built.APP_LIBS.resolve("own"))) {
            jars.filter(p -> p.getFileName().toString().startsWith("byte-buddy")).forEach(run::classPath);
        }
        return run;
    }

    /** A jar of a manifest alone: the agent's classes are on the class path with the fixtures. */
    private static Path buddyJar(JvmRun run) throws Exception {
        Path jar = run.dir().resolve("buddy-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "fixtures.reliability.BuddyAgent");
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }

    private static void buddyExact(RunResult r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).doesNotContain("VerifyError").doesNotContain("leaktrace:");
        assertThat(r.stdout()).as("the other agent's advice ran once per call").contains("BUDDY " + COUNT + " " + COUNT / 2);
        assertThat(Event.torn(r.log().lines().toList())).isEmpty();
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).hasSize(COUNT);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).hasSize(COUNT / 2);
        assertThat(r.leaked("fixtures.reliability.Tracked")).hasSize(COUNT / 2);
    }

    private static Path jacoco() {
        return Built.APP_LIBS.resolve("jacoco/org.jacoco.agent-runtime.jar");
    }

    private static void exact(RunResult r, Path exec) throws Exception {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).doesNotContain("VerifyError").doesNotContain("leaktrace:");
        assertThat(r.stdout()).contains("CREATED " + COUNT);
        assertThat(Event.torn(r.log().lines().toList())).isEmpty();
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).hasSize(COUNT);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).hasSize(COUNT / 2);
        assertThat(r.leaked("fixtures.reliability.Tracked")).hasSize(COUNT / 2);
        assertThat(r.events().stream().map(Event::id).distinct().count()).isEqualTo(COUNT);
        // Its execution data names the classes it saw run: ours were instrumented by both.
        assertThat(Files.size(exec)).as("JaCoCo wrote its coverage").isPositive();
        assertThat(new String(Files.readAllBytes(exec), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("fixtures/reliability/Tracked");
    }
}

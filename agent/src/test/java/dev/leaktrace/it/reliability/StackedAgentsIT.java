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

/**
 * Another agent that rewrites the same classes, loaded before ours and after it: JaCoCo's
 * (Maven Central's org.jacoco.agent runtime jar, copied into target/app-libs/jacoco). No
 * VerifyError, every object exactly once, and JaCoCo still records its coverage.
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

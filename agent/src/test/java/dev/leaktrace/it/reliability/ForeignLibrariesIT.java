package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Built;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Applications that carry their own Byte Buddy and snakeyaml (other versions than the agent's
 * shaded ones), or mock traced classes with Mockito's inline mock maker, work under the agent.
 * The libraries are on the fixture's class path only (copied by Maven into target/app-libs).
 */
class ForeignLibrariesIT {
    private static JvmRun withLibs(JvmRun run, String folder) throws IOException {
        try (Stream<Path> jars = Files.list(Built.APP_LIBS.resolve(folder))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(run::classPath);
        }
        return run;
    }

    @OnEachJdk
    void ownByteBuddyAndSnakeyaml(Jdk jdk) throws Exception {
        String config = "types:\n  - class: fixtures.reliability.Tracked\n    subtypes: true\n";
        RunResult r = withLibs(JvmRun.on(jdk).main("fixtures.reliability.OwnLibraries"), "own")
                .jvm("-Dnet.bytebuddy.experimental=true").agent(config).run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("BYTEBUDDY byte-buddy-1.17.8.jar", "SNAKEYAML snakeyaml-2.2.jar",
                "YAML 42 [a, b]", "DONE");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.GeneratedTracked")).as(r.toString()).hasSize(1);
        assertThat(r.events("DROP", "fixtures.reliability.GeneratedTracked")).hasSize(1);
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).hasSize(1);
        assertThat(r.stderr()).doesNotContain("leaktrace:");
    }

    @OnEachJdk
    void mockitoInlineMockMaker(Jdk jdk) throws Exception {
        String config = "types:\n  - class: fixtures.reliability.Tracked\n  - class: fixtures.reliability.FinalTracked\n";
        RunResult r = withLibs(JvmRun.on(jdk).main("fixtures.reliability.WithMockito"), "mockito")
                .jvm("-XX:+EnableDynamicAgentLoading").jvm("-Dnet.bytebuddy.experimental=true").agent(config).run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("MOCKED 42 7", "REAL 1", "OPENED 2", "OPENER 9 2", "DONE");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.FinalTracked")).as(r.toString()).hasSize(1);
        assertThat(r.events("DROP", "fixtures.reliability.FinalTracked")).hasSize(1);
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).as("mocks run no constructor").hasSize(1);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).as("the mock's close() drops nothing").hasSize(1);
        assertThat(r.stderr()).doesNotContain("leaktrace:");
    }

    /**
     * A spy is an object no constructor made (its fields copied from the original): it is not
     * traced, and its close() drops nothing. The original is dropped by its own close() alone; one
     * whose spy alone was closed is still live, as it is in the program.
     */
    @OnEachJdk
    void aSpyIsNotTheOriginal(Jdk jdk) throws Exception {
        String config = "types:\n  - class: fixtures.reliability.Tracked\n";
        RunResult r = withLibs(JvmRun.on(jdk).main("fixtures.reliability.WithMockitoSpy"), "mockito")
                .jvm("-XX:+EnableDynamicAgentLoading").jvm("-Dnet.bytebuddy.experimental=true").agent(config).run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("SPIES 1 2 LIVE 2");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).as("only the originals").hasSize(2);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).as("the original closed itself").hasSize(1);
        assertThat(r.leaked("fixtures.reliability.Tracked")).hasSize(1);
        assertThat(r.stderr()).doesNotContain("leaktrace:");
    }

    /**
     * A JUnit 5 test class mocking and spying a traced class, run on the JUnit Platform under the
     * agent: every test passes, no VerifyError, and the log has the three objects a constructor
     * made, the two closed dropped and the kept one leaked; mocks and spies, which no constructor
     * made, print nothing.
     */
    @OnEachJdk
    void mockitoMocksAndSpiesInAJUnit5Suite(Jdk jdk) throws Exception {
        String config = "types:\n  - class: fixtures.reliability.Tracked\n";
        JvmRun run = withLibs(withLibs(JvmRun.on(jdk).main("fixtures.reliability.RunSuite"), "mockito"), "junit");
        RunResult r = run.jvm("-XX:+EnableDynamicAgentLoading").jvm("-Dnet.bytebuddy.experimental=true")
                .agent(config).run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("TESTS 3 3 0");
        assertThat(r.stderr()).doesNotContain("VerifyError").doesNotContain("leaktrace:");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).as(r.toString()).hasSize(3);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).hasSize(2);
        assertThat(r.leaked("fixtures.reliability.Tracked")).hasSize(1);
    }
}

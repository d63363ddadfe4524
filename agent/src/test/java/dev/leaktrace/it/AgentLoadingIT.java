package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jar's manifest puts it on the boot class path (faster start-up) when it is named
 * leaktrace.jar; renamed, the agent loads from the application loader and works the same.
 */
class AgentLoadingIT {
    private static final String CONFIG = "types:\n  - class: fixtures.core.Resource\n    size: 100\n";

    @OnEachJdk
    void jarNamedLeaktraceJarLoadsTheAgentFromTheBootClassPath(Jdk jdk) throws Exception {
        assertThat(Built.AGENT_JAR.getFileName().toString()).isEqualTo("leaktrace.jar");
        RunResult r = JvmRun.on(jdk).agent(CONFIG).main("fixtures.AgentLoader").run();
        assertTraced(r, "boot");
    }

    @OnEachJdk
    void renamedJarLoadsTheAgentFromTheApplicationLoader(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agent(CONFIG);
        Path renamed = Files.copy(Built.AGENT_JAR, run.dir().resolve("leaktrace-0.1.0.jar"));
        assertTraced(run.agentJar(renamed).main("fixtures.AgentLoader").run(), "application");
    }

    @OnEachJdk
    void renamedJarBesideALeaktraceJarIsShadowedByItAndSaysSo(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agent(CONFIG);
        Files.copy(Built.AGENT_JAR, run.dir().resolve("leaktrace.jar"));
        Path renamed = Files.copy(Built.AGENT_JAR, run.dir().resolve("leaktrace-new.jar"));
        RunResult r = run.agentJar(renamed).main("fixtures.AgentLoader").run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("AGENT-LOADER boot");
        assertThat(r.stderr()).as(r.toString()).contains("leaktrace: -javaagent:" + renamed + " was loaded from "
                + run.dir().resolve("leaktrace.jar") + " instead").contains("Rename");
        assertThat(r.events("ALLOCATE", "fixtures.core.Resource")).hasSize(1);
    }

    @OnEachJdk
    void bundledRecipeIsReadFromARenamedJarToo(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agentWithConfig("recipe:jdk-io");
        Path renamed = Files.copy(Built.AGENT_JAR, run.dir().resolve("agent.jar"));
        RunResult r = run.agentJar(renamed).main("fixtures.AgentLoader").run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("AGENT-LOADER application");
        assertThat(r.stderr()).as(r.toString()).doesNotContain("leaktrace:");
        assertThat(r.log()).startsWith("# leaktrace ").contains("config=recipe:jdk-io");
    }

    private static void assertTraced(RunResult r, String loader) {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("AGENT-LOADER " + loader);
        assertThat(r.stdout() + r.stderr()).as("no JVM or agent warning").doesNotContain("warning").doesNotContain("leaktrace:");
        assertThat(r.events("ALLOCATE", "fixtures.core.Resource")).hasSize(1);
        assertThat(r.events("DROP", "fixtures.core.Resource")).hasSize(1);
    }
}

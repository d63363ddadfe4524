package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dump and a second attach talk to a traced JVM over its management agent and the agent's MBean:
 * the agent is not loaded again, so Java 21+ prints no new "loaded dynamically" warning on the
 * target's stderr, which is read here.
 */
class QuietChannelIT {
    private static final String CONFIG = "types:\n  - class: fixtures.core.Resource\n    size: 100\n";
    private static final Pattern DYNAMIC_AGENT_WARNING = Pattern.compile("A Java agent has been loaded dynamically");

    @OnEachJdk
    void dumpsAndARepeatedAttachLoadNothingIntoAJvmStartedWithTheAgent(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("leaktrace-channel");
        Path config = Files.writeString(dir.resolve("leaktrace.yaml"), CONFIG);
        RunningJvm service = start(JvmRun.on(jdk).agentArguments("config=" + config + ",output=none"), dir);
        RunResult ended;
        try {
            for (int i = 0; i < 2; i++) {
                RunResult dump = JvmRun.cli(jdk).run("dump", "" + service.pid());
                assertThat(dump.exit()).as(dump.toString()).isZero();
                assertThat(dump.stdout()).startsWith("# leaktrace dump pid=" + service.pid())
                        .contains("@ALLOCATE fixtures.core.Resource 100 fixtures/Service.java:16 ");
            }
            RunResult attach = JvmRun.cli(jdk).run("attach", "" + service.pid(), "--config", config.toString());
            assertThat(attach.exit()).as(attach.toString()).isEqualTo(1);
            assertThat(attach.stderr()).contains("traced already");
        } finally {
            Files.writeString(dir.resolve("stop"), "");
            ended = service.finish(Duration.ofSeconds(30));
        }
        assertThat(ended.exit()).isZero();
        assertThat(ended.stderr()).as("the target's stderr").doesNotContain("loaded dynamically")
                .doesNotContain("leaktrace:");
    }

    @OnEachJdk
    void afterTheFirstAttachNoCommandLoadsTheAgentAgain(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("leaktrace-channel");
        Path config = Files.writeString(dir.resolve("leaktrace.yaml"), CONFIG);
        RunningJvm service = start(JvmRun.on(jdk), dir);
        RunResult ended;
        try {
            RunResult attach = JvmRun.cli(jdk).run("attach", "" + service.pid(), "--config", config.toString(),
                    "-o", dir.resolve("attached.log").toString());
            assertThat(attach.exit()).as(attach.toString()).isZero();
            RunResult again = JvmRun.cli(jdk).run("attach", "" + service.pid(), "--config", config.toString());
            assertThat(again.exit()).as(again.toString()).isEqualTo(1);
            RunResult dump = JvmRun.cli(jdk).run("dump", "" + service.pid());
            assertThat(dump.exit()).as(dump.toString()).isZero();
            assertThat(dump.stdout()).startsWith("# leaktrace dump pid=" + service.pid());
        } finally {
            Files.writeString(dir.resolve("stop"), "");
            ended = service.finish(Duration.ofSeconds(30));
        }
        assertThat(ended.exit()).isZero();
        int expected = jdk.name().equals("java17") ? 0 : 1;
        assertThat(count(ended.stderr())).as("warnings for three commands, on stderr:\n" + ended.stderr())
                .isEqualTo(expected);
    }

    private static int count(String text) {
        Matcher matcher = DYNAMIC_AGENT_WARNING.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static RunningJvm start(JvmRun run, Path dir) throws Exception {
        RunningJvm service = run.main("fixtures.Service").workingDirectory(dir).start();
        service.awaitLine("ready");
        return service;
    }
}

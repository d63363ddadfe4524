package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** attach to a running JVM and see its later objects; dump a live JVM and read the dump with leaks. */
class AttachDumpIT {
    private static final String CONFIG = "types:\n  - class: fixtures.core.Resource\n    size: 100\n";

    @OnEachJdk
    void attachTracesLaterObjectsAndDumpListsTheLiveOnes(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("leaktrace-attach");
        Path config = Files.writeString(dir.resolve("leaktrace.yaml"), CONFIG);
        Path log = dir.resolve("attached.log");
        RunningJvm service = startService(JvmRun.on(jdk).jvm("-XX:+EnableDynamicAgentLoading"), dir);
        RunResult ended;
        try {
            long pid = service.pid();
            RunResult attach = JvmRun.cli(jdk).run("attach", "" + pid, "--config", config.toString(), "--output", log.toString());
            assertThat(attach.exit()).as(attach.toString()).isZero();
            assertThat(attach.stdout()).contains("attached to " + pid);
            waitForLines(log, 10);

            RunResult again = JvmRun.cli(jdk).run("attach", "" + pid, "--config", config.toString());
            assertThat(again.exit()).as(again.toString()).isEqualTo(1);
            assertThat(again.stderr()).contains("traced already");

            Path dump = dir.resolve("dump.txt");
            RunResult dumped = JvmRun.cli(jdk).run("dump", "" + pid, "-o", dump.toString());
            assertThat(dumped.exit()).as(dumped.toString()).isZero();
            List<String> lines = Files.readAllLines(dump);
            assertThat(lines.get(0)).startsWith("# leaktrace dump pid=" + pid);
            List<String> live = lines.stream().filter(l -> l.startsWith("@ALLOCATE")).toList();
            assertThat(live).isNotEmpty().allMatch(l -> l.matches(
                    "@ALLOCATE fixtures\\.core\\.Resource 100 fixtures/Service\\.java:\\d+ \\d+"));
            String logText = Files.readString(log);
            for (String l : live) {
                long id = Event.parse(l).id();
                assertThat(logText).as("the dump keeps original ids").contains("100 fixtures/Service.java:21 " + id + "\n");
            }
            RunResult leaks = JvmRun.cli(jdk).run("leaks", dump.toString(), "--json");
            assertThat(leaks.exit()).as(leaks.toString()).isZero();
            assertThat(leaks.stdout()).contains("fixtures.core.Resource").contains("fixtures/Service.java:21");
        } finally {
            Files.writeString(dir.resolve("stop"), "");
            ended = service.finish(Duration.ofSeconds(30));
        }
        assertThat(ended.exit()).isZero();
        assertThat(ended.stdout() + ended.stderr()).as("the attach makes the JVM print nothing (no class-sharing warning)")
                .doesNotContainIgnoringCase("warning");
        String log2 = Files.readString(log);
        assertThat(log2).as("the object created before the attach is unknown: its close prints nothing")
                .doesNotContain("Service.java:16");
    }

    @OnEachJdk
    void dumpOfAJvmStartedWithTheAgentAndOfAnUntracedOne(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("leaktrace-dump");
        Path config = Files.writeString(dir.resolve("leaktrace.yaml"), CONFIG);
        RunningJvm traced = startService(JvmRun.on(jdk).agentArguments("config=" + config + ",output=none"), dir);
        RunningJvm untraced = startService(JvmRun.on(jdk).jvm("-XX:+EnableDynamicAgentLoading"), dir);
        try {
            Thread.sleep(300);
            RunResult dump = JvmRun.cli(jdk).run("dump", "" + traced.pid());
            assertThat(dump.exit()).as(dump.toString()).isZero();
            assertThat(dump.stdout()).contains("@ALLOCATE fixtures.core.Resource 100 fixtures/Service.java:16 ");
            RunResult none = JvmRun.cli(jdk).run("dump", "" + untraced.pid());
            assertThat(none.exit()).as(none.toString()).isEqualTo(1);
            assertThat(none.stderr()).contains("is not traced");
        } finally {
            Files.writeString(dir.resolve("stop"), "");
            traced.process().waitFor(30, TimeUnit.SECONDS);
            untraced.process().waitFor(30, TimeUnit.SECONDS);
        }
        // Java 21+ warns of any agent loaded into a JVM started without -XX:+EnableDynamicAgentLoading
        // (JEP 451), the first one here; the class-sharing warning would be ours.
        assertThat(traced.stdout() + traced.stderr() + untraced.stdout() + untraced.stderr())
                .as("the dumps print no class-sharing warning").doesNotContain("Sharing");
    }

    /** Starts fixtures.Service in {@code dir}, which it leaves when a file named stop appears there. */
    private static RunningJvm startService(JvmRun run, Path dir) throws Exception {
        RunningJvm service = run.main("fixtures.Service").workingDirectory(dir).start();
        service.awaitLine("ready");
        assertThat(service.stdout()).as("service started").startsWith("ready");
        return service;
    }

    private static void waitForLines(Path log, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.startsWith("@ALLOCATE")).count() >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + count + " lines in " + log + ": " + (Files.exists(log) ? Files.readString(log) : "missing"));
    }
}

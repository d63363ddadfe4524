package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** attach to a running JVM and see its later objects; dump a live JVM and read the dump with leaks. */
class AttachDumpIT {
    private static final String CONFIG = "types:\n  - class: fixtures.core.Resource\n    size: 100\n";

    static List<Jdk> jdks() {
        return Jdk.all();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void attachTracesLaterObjectsAndDumpListsTheLiveOnes(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("leaktrace-attach");
        Path config = Files.writeString(dir.resolve("leaktrace.yaml"), CONFIG);
        Path log = dir.resolve("attached.log");
        StringBuffer output = new StringBuffer();
        Process service = start(jdk, dir, List.of("-XX:+EnableDynamicAgentLoading"), output);
        try {
            long pid = service.pid();
            Cli attach = cli(jdk, dir, "attach", "" + pid, "--config", config.toString(), "--output", log.toString());
            assertThat(attach.exit).as(attach.toString()).isZero();
            assertThat(attach.out).contains("attached to " + pid);
            waitForLines(log, 10);

            Cli again = cli(jdk, dir, "attach", "" + pid, "--config", config.toString());
            assertThat(again.exit).as(again.toString()).isEqualTo(1);
            assertThat(again.err).contains("traced already");

            Path dump = dir.resolve("dump.txt");
            Cli dumped = cli(jdk, dir, "dump", "" + pid, "-o", dump.toString());
            assertThat(dumped.exit).as(dumped.toString()).isZero();
            List<String> lines = Files.readAllLines(dump);
            assertThat(lines.get(0)).startsWith("# leaktrace dump pid=" + pid);
            List<String> live = lines.stream().filter(l -> l.startsWith("@ALLOCATE")).toList();
            assertThat(live).isNotEmpty().allMatch(l -> l.matches(
                    "@ALLOCATE fixtures\\.core\\.Resource 100 fixtures/Service\\.java:\\d+ \\d+"));
            String logText = Files.readString(log);
            for (String l : live) {
                String id = l.substring(l.lastIndexOf(' ') + 1);
                assertThat(logText).as("the dump keeps original ids").contains("100 fixtures/Service.java:21 " + id + "\n");
            }
            Cli leaks = cli(jdk, dir, "leaks", dump.toString(), "--json");
            assertThat(leaks.exit).as(leaks.toString()).isZero();
            assertThat(leaks.out).contains("fixtures.core.Resource").contains("fixtures/Service.java:21");
        } finally {
            Files.writeString(dir.resolve("stop"), "");
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(service.exitValue()).isZero();
        assertThat(output.toString()).as("the attach makes the JVM print nothing (no class-sharing warning)")
                .doesNotContainIgnoringCase("warning");
        String log2 = Files.readString(log);
        assertThat(log2).as("the object created before the attach is unknown: its close prints nothing")
                .doesNotContain("Service.java:16");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void dumpOfAJvmStartedWithTheAgentAndOfAnUntracedOne(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("leaktrace-dump");
        Path config = Files.writeString(dir.resolve("leaktrace.yaml"), CONFIG);
        StringBuffer output = new StringBuffer();
        Process traced = start(jdk, dir, List.of("-javaagent:" + Built.AGENT_JAR + "=config=" + config + ",output=none"), output);
        Process untraced = start(jdk, dir, List.of("-XX:+EnableDynamicAgentLoading"), output);
        try {
            Thread.sleep(300);
            Cli dump = cli(jdk, dir, "dump", "" + traced.pid());
            assertThat(dump.exit).as(dump.toString()).isZero();
            assertThat(dump.out).contains("@ALLOCATE fixtures.core.Resource 100 fixtures/Service.java:16 ");
            Cli none = cli(jdk, dir, "dump", "" + untraced.pid());
            assertThat(none.exit).as(none.toString()).isEqualTo(1);
            assertThat(none.err).contains("is not traced");
        } finally {
            Files.writeString(dir.resolve("stop"), "");
            traced.waitFor(30, TimeUnit.SECONDS);
            untraced.waitFor(30, TimeUnit.SECONDS);
        }
        // Java 21+ warns of any agent loaded into a JVM started without -XX:+EnableDynamicAgentLoading
        // (JEP 451), the first one here; the class-sharing warning would be ours.
        assertThat(output.toString()).as("the dumps print no class-sharing warning").doesNotContain("Sharing");
    }

    /** Starts fixtures.Service; what it prints after its first line is appended to {@code output}. */
    private static Process start(Jdk jdk, Path dir, List<String> options, StringBuffer output) throws IOException {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", Built.TEST_CLASSES.toString(), "fixtures.Service"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String first = reader.readLine();
        assertThat(first).as("service started").startsWith("ready");
        Thread drain = new Thread(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
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

    private record Cli(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static Cli cli(Jdk jdk, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-jar", Built.AGENT_JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}

package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.cli.Main;
import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import dev.leaktrace.it.RunningJvm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every way a JVM ends writes every line: normal end, System.exit(n), an uncaught exception,
 * SIGTERM, an OutOfMemoryError. After SIGKILL only the last moments may be missing, only the last
 * line may be cut, and the analyser reads the rest.
 */
class ExitPathsIT {
    private static final String CONFIG = "types:\n  - class: fixtures.reliability.Tracked\n";
    private static final int COUNT = 5000;

    private static JvmRun exits(Jdk jdk) throws Exception {
        return JvmRun.on(jdk).main("fixtures.reliability.Exits").agent(CONFIG);
    }

    /** All lines whole and exactly the objects main created: COUNT allocations, half of them dropped. */
    private static void everythingWritten(RunResult r) {
        List<String> lines = r.log().lines().toList();
        assertThat(Event.torn(lines)).as(r.toString()).isEmpty();
        assertThat(r.log()).endsWith("\n");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).as(r.toString()).hasSize(COUNT);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).hasSize(COUNT / 2);
    }

    @OnEachJdk
    void normalEnd(Jdk jdk) throws Exception {
        RunResult r = exits(jdk).run("normal", "" + COUNT);
        assertThat(r.exit()).isZero();
        everythingWritten(r);
    }

    @OnEachJdk
    void systemExitKeepsItsCode(Jdk jdk) throws Exception {
        RunResult r = exits(jdk).run("exit", "" + COUNT, "42");
        assertThat(r.exit()).isEqualTo(42);
        everythingWritten(r);
    }

    @OnEachJdk
    void uncaughtExceptionInMain(Jdk jdk) throws Exception {
        RunResult r = exits(jdk).run("throw", "" + COUNT);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("uncaught on purpose");
        everythingWritten(r);
    }

    /** The lines of a thread whose interrupt is set, here a shutdown hook's, do not close the log. */
    @OnEachJdk
    void anInterruptedThreadsLinesAreWrittenToo(Jdk jdk) throws Exception {
        RunResult r = exits(jdk).run("interrupted", "" + COUNT);
        assertThat(r.exit()).isZero();
        assertThat(r.stderr()).as("the agent says nothing").doesNotContain("leaktrace:");
        String hook = r.stderr().lines().filter(l -> l.startsWith("HOOK ")).findFirst().orElseThrow();
        assertThat(hook).as("the hook's interrupt is left as it was").endsWith(" true");
        int made = Integer.parseInt(hook.split(" ")[1]);
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).as(r.toString()).hasSize(COUNT + made);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).hasSize(COUNT / 2 + made);
    }

    @OnEachJdk
    void sigterm(Jdk jdk) throws Exception {
        RunningJvm jvm = exits(jdk).start("wait", "" + COUNT);
        jvm.awaitLine("CREATED");
        jvm.process().destroy();
        RunResult r = jvm.finish(Duration.ofSeconds(60));
        assertThat(r.exit()).as("128 + SIGTERM").isEqualTo(143);
        everythingWritten(r);
    }

    @OnEachJdk
    void outOfMemoryError(Jdk jdk) throws Exception {
        RunResult r = exits(jdk).jvm("-Xmx64m").run("oom", "0");
        assertThat(r.stderr()).as(r.stderr()).contains("OutOfMemoryError");
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.log().lines().toList();
        assertThat(Event.torn(lines)).as(r.stderr()).isEmpty();
        long printed = r.stdout().lines().filter(l -> l.startsWith("CREATED "))
                .mapToLong(l -> Long.parseLong(l.substring(8))).max().orElseThrow();
        assertThat((long) r.events("ALLOCATE", "fixtures.reliability.Tracked").size())
                .as("every object created before the last count printed").isGreaterThanOrEqualTo(printed);
    }

    @OnEachJdk
    void sigkillLosesAtMostTheLastMomentsAndOnlyTheLastLineIsCut(Jdk jdk) throws Exception {
        JvmRun run = exits(jdk);
        RunningJvm jvm = run.start("busy", "" + COUNT);
        jvm.awaitLine("SLEPT");
        jvm.process().destroyForcibly();
        jvm.process().waitFor();
        String log = Files.readString(run.log(), StandardCharsets.ISO_8859_1);
        List<String> lines = log.lines().toList();
        List<String> allButLast = lines.subList(0, lines.size() - (log.endsWith("\n") ? 0 : 1));
        assertThat(Event.torn(allButLast)).as("only the last line may be cut").isEmpty();

        // The COUNT objects made 1.5 s before the kill share one site, the later ones another.
        Map<String, Long> bySite = allButLast.stream().filter(l -> l.startsWith("@ALLOCATE"))
                .map(Event::parse).collect(Collectors.groupingBy(Event::site, Collectors.counting()));
        assertThat(bySite).as("the objects created before the pause are all there").containsValue((long) COUNT);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), new PrintStream(err, true),
                "leaks", run.log().toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(out.toString()).contains("fixtures.reliability.Tracked");
    }
}

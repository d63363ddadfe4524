package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import dev.leaktrace.it.RunningJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * SIGTERM ends the JVM even when the agent cannot write: after the heap ran out (the agent's
 * threads survive their own OutOfMemoryErrors), and when the output is stuck (a pipe nobody reads), where the exit gives up writing after its
 * deadline and says so.
 */
class StuckExitIT {
    private static final String CONFIG = "types:\n  - class: fixtures.reliability.Tracked\n";

    @OnEachJdk
    void sigtermEndsAJvmThatIsOutOfMemory(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Exits").agent(CONFIG).jvm("-Xmx64m");
        RunningJvm jvm = run.start("full", "0");
        String full = jvm.awaitErrorLine("FULL");
        assertThat(full).as("the agent's threads lived through the OutOfMemoryErrors")
                .contains("leaktrace-writer,").contains("leaktrace-gc-watch,");
        jvm.process().destroy();
        RunResult r = jvm.finish(Duration.ofSeconds(60));
        assertThat(r.exit()).as("128 + SIGTERM\n" + r.stderr()).isEqualTo(143);
        List<String> lines = r.log().lines().toList();
        assertThat(Event.torn(lines)).as(r.stderr()).isEmpty();
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).isNotEmpty();
    }

    @OnEachJdk
    void sigtermEndsAJvmWhoseOutputIsStuck(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Exits").stdoutUnread();
        Path config = Files.writeString(run.dir().resolve("lt.yaml"), CONFIG);
        run.agentArguments("config=" + config + ",output=stdout");
        RunningJvm jvm = run.start("stall", "0");
        jvm.awaitErrorLine("STALLED");
        long start = System.nanoTime();
        // SIGTERM through the handle: Process.destroy() would also close the pipe, unsticking it.
        jvm.process().toHandle().destroy();
        RunResult r = jvm.finish(Duration.ofSeconds(60));
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertThat(r.exit()).as("128 + SIGTERM\n" + r.stderr()).isEqualTo(143);
        assertThat(r.stderr()).contains("leaktrace: could not finish writing the log within 10 s at exit");
        assertThat(seconds).as("ended within the exit's deadline and a margin").isLessThan(40);
    }
}

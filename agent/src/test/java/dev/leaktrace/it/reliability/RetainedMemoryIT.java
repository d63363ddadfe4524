package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tracked objects stay collectable: after a million are created and released (half closed, half
 * left to the GC) and the GC has run, the agent tracks none of them and the heap is back near
 * where it started.
 */
class RetainedMemoryIT {
    @OnEachJdk
    void aMillionReleasedObjectsLeaveNothingBehind(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Retained");
        Path config = Files.writeString(run.dir().resolve("lt.yaml"),
                "types:\n  - class: fixtures.reliability.Tracked\n  - class: fixtures.reliability.Collected\n");
        // The lines are not the point here; the agent's own memory is.
        RunResult r = run.agentArguments("config=" + config + ",output=none").jvm("-Xmx256m").run("1000000");
        assertThat(r.exit()).as(r.toString()).isZero();
        long[] live = numbers(r, "LIVE ");
        long[] heap = numbers(r, "HEAP ");
        assertThat(live[0]).as("nothing tracked after the warm-up").isZero();
        assertThat(live[1]).as("nothing tracked after a million releases").isZero();
        assertThat(heap[1] - heap[0]).as("heap growth in bytes\n" + r).isLessThan(5L << 20);
    }

    private static long[] numbers(RunResult r, String prefix) {
        String line = r.stdout().lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(r.toString()));
        String[] parts = line.substring(prefix.length()).split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}

package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.LogConsistency;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.util.Map;

/**
 * 2,000 virtual threads inside a traced constructor at once, each parked (so unmounted) there:
 * far more than the recorder lends states to, so most get one of their own. Every object made is
 * in the log once and dropped once after its allocation, whether closed on its own thread or on
 * another; the constructions that threw are not reported; and once the threads ended the agent
 * holds no state for any of them.
 */
class BlockedConstructionsIT {
    private static final String TYPE = "fixtures.reliability.BlockedConstructions$Blocking";
    private static final int THREADS = 2_000;

    @OnEachJdk
    void everyObjectOnceWhateverTheThreadsWaitFor(Jdk jdk) throws Exception {
        assumeTrue(Integer.parseInt(jdk.name().replace("java", "")) >= 21, "virtual threads need Java 21");
        RunResult r = JvmRun.on(jdk).main("fixtures.reliability.BlockedConstructions")
                .agent("types:\n  - class: " + TYPE + "\n").run("" + THREADS);
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("MADE 1800 THREW 200");

        assertThat(LogConsistency.problems(r.log())).isEmpty();
        assertThat(LogConsistency.kindsAndTypes(r.log()))
                .isEqualTo(Map.of("ALLOCATE " + TYPE, 1800L, "DROP " + TYPE, 1800L));

        long states = r.stdout().lines().filter(l -> l.startsWith("AGENT dev.leaktrace.bootstrap.ThreadState "))
                .mapToLong(l -> Long.parseLong(l.split(" ")[2])).sum();
        // The lent ones (64 at most) and the platform threads' own; none per virtual thread.
        assertThat(states).as(r.stdout()).isLessThanOrEqualTo(ThreadChurnIT.LENT_STATES + 16);
    }
}

package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.LogConsistency;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.util.HashMap;
import java.util.Map;

/**
 * Thread churn under {@code -Xmx512m}: 200,000 virtual threads (Java 21+) and 100,000 short-lived
 * platform threads, each making and closing one traced object, 1% kept. Every object is in the
 * log exactly once, the kept ones exactly are leaks, and once the threads are gone the agent holds
 * an entry per kept object and nothing per thread that ran (a class histogram after a full GC,
 * taken by the program itself).
 */
class ThreadChurnIT {
    private static final String TYPE = "fixtures.reliability.Churned";
    private static final int KEEP_EVERY = 100;
    /** The recorder's pool of states lent to virtual threads. */
    static final int LENT_STATES = 64;

    @OnEachJdk
    void twoHundredThousandVirtualThreads(Jdk jdk) throws Exception {
        assumeTrue(feature(jdk) >= 21, "virtual threads need Java 21");
        churn(jdk, "virtual", 200_000);
    }

    @OnEachJdk
    void aHundredThousandPlatformThreads(Jdk jdk) throws Exception {
        churn(jdk, "platform", 100_000);
    }

    private static void churn(Jdk jdk, String kind, int threads) throws Exception {
        RunResult r = JvmRun.on(jdk).main("fixtures.reliability.ThreadChurn")
                .agent("types:\n  - class: " + TYPE + "\n").jvm("-Xmx512m")
                .run(kind, "" + threads, "" + KEEP_EVERY);
        assertThat(r.exit()).as(r.stderr()).isZero();
        int total = threads + threads / 10; // the warm-up round first
        int kept = total / KEEP_EVERY;

        assertThat(LogConsistency.problems(r.log())).isEmpty();
        assertThat(LogConsistency.kindsAndTypes(r.log()))
                .isEqualTo(Map.of("ALLOCATE " + TYPE, (long) total, "DROP " + TYPE, (long) (total - kept)));

        Map<String, long[]> agent = agentClasses(r);
        assertThat(agent.get("dev.leaktrace.bootstrap.TrackedRef")[0]).as("an entry per kept object, no more")
                .isEqualTo(kept);
        // A bound whatever the number of threads that ran: the states and batches lent to virtual
        // threads (how many depends on how many were inside the recorder at once) and a few per
        // platform thread alive.
        int bound = LENT_STATES + 16;
        assertThat(instances(agent, "dev.leaktrace.bootstrap.ThreadState")).as("thread states\n" + r.stdout())
                .isLessThanOrEqualTo(bound);
        assertThat(instances(agent, "dev.leaktrace.bootstrap.ThreadBuffer")).as("thread buffers\n" + r.stdout())
                .isLessThanOrEqualTo(bound);
        long bootstrapBytes = agent.entrySet().stream().filter(e -> e.getKey().contains("dev.leaktrace.bootstrap."))
                .mapToLong(e -> e.getValue()[1]).sum();
        // The registry's fixed tables (about 110 KB), and about 90 bytes per live entry.
        assertThat(bootstrapBytes).as("the recorder's memory\n" + r.stdout()).isLessThan(200_000L + 100L * kept);

        String[] heap = r.stdout().lines().filter(l -> l.startsWith("HEAP ")).findFirst().orElseThrow()
                .split(" ");
        assertThat(Long.parseLong(heap[2]) - Long.parseLong(heap[1])).as("heap growth over the main round")
                .isLessThan(4L << 20);
    }

    /** AGENT lines: class name to {instances, bytes}. */
    private static Map<String, long[]> agentClasses(RunResult r) {
        Map<String, long[]> classes = new HashMap<>();
        r.stdout().lines().filter(l -> l.startsWith("AGENT ")).map(l -> l.split(" "))
                .forEach(f -> classes.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])}));
        return classes;
    }

    private static long instances(Map<String, long[]> classes, String name) {
        long[] found = classes.get(name);
        return found == null ? 0 : found[0];
    }

    private static int feature(Jdk jdk) {
        return Integer.parseInt(jdk.name().replace("java", ""));
    }
}

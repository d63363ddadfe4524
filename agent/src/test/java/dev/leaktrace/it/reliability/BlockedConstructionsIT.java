package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

        List<String> lines = r.log().lines().filter(Event::isEvent).toList();
        assertThat(Event.torn(lines)).isEmpty();
        Set<Long> allocated = new HashSet<>();
        Set<Long> dropped = new HashSet<>();
        for (String line : lines) {
            Event e = Event.parse(line);
            assertThat(e.type()).isEqualTo(TYPE);
            if (e.kind().equals("ALLOCATE")) {
                assertThat(allocated.add(e.id())).as("one @ALLOCATE per id").isTrue();
            } else {
                assertThat(e.kind()).as(line).isEqualTo("DROP");
                assertThat(allocated.contains(e.id())).as("the drop after its allocation").isTrue();
                assertThat(dropped.add(e.id())).as("one @DROP per id").isTrue();
            }
        }
        assertThat(allocated).hasSize(1800);
        assertThat(dropped).hasSize(1800);

        long states = r.stdout().lines().filter(l -> l.startsWith("AGENT dev.leaktrace.bootstrap.ThreadState "))
                .mapToLong(l -> Long.parseLong(l.split(" ")[2])).sum();
        // The lent ones (64 at most) and the platform threads' own; none per virtual thread.
        assertThat(states).as(r.stdout()).isLessThanOrEqualTo(64 + 16);
    }
}

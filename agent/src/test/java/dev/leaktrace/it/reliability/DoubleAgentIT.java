package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;

/** Two -javaagent flags for leaktrace: installed once, said once, every object printed once. */
class DoubleAgentIT {
    private static final String CONFIG = "types:\n  - class: fixtures.reliability.Tracked\n";

    @OnEachJdk
    void installsOnceAndSaysSo(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).main("fixtures.reliability.Exits").agent(CONFIG).agent(CONFIG)
                .run("normal", "1000");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).containsOnlyOnce("the agent is already installed in this JVM; this second -javaagent changes nothing.");
        assertThat(r.log().lines().filter(l -> l.startsWith("# leaktrace"))).as("one header").hasSize(1);
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).hasSize(1000);
        assertThat(r.events("DROP", "fixtures.reliability.Tracked")).hasSize(500);
    }
}

package dev.leaktrace.it.anytype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.LogConsistency;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;

/**
 * An object is dropped once by its drop method wherever that method comes from: its own class, an
 * untraced superclass, an interface's default method (never dropped before), a bridge method, or an
 * override that calls super's.
 */
class DropOriginsIT {
    private static final String PREFIX = "fixtures.anytype.drops.DropOrigins$";
    private static final int N = 20;

    @OnEachJdk
    void oneDropWhereverTheMethodComesFrom(Jdk jdk) throws Exception {
        String config = "types:\n"
                + "  - class: " + PREFIX + "OwnClose\n"
                + "  - class: " + PREFIX + "InheritsClose\n"
                + "  - class: " + PREFIX + "UsesDefault\n"
                + "  - class: " + PREFIX + "BridgedRelease\n    drop: [release]\n"
                + "  - class: " + PREFIX + "ClosingBase\n    subtypes: true\n";
        RunResult r = JvmRun.on(jdk).main("fixtures.anytype.drops.DropOrigins").agent(config).run(String.valueOf(N));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("RELEASED " + N + " EACH");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        assertThat(LogConsistency.problems(r.log())).isEmpty();
        for (String type : new String[] {"OwnClose", "InheritsClose", "UsesDefault", "BridgedRelease", "CallsSuperClose"}) {
            assertThat(r.events("ALLOCATE", PREFIX + type)).as(type).hasSize(N);
            assertThat(r.events("DROP", PREFIX + type)).as(type + " dropped once each").hasSize(N);
        }
    }
}

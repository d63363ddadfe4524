package dev.leaktrace.it.anytype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;

/**
 * A config entry that matches no class the JVM loaded (a misspelt class or package) is said at
 * exit, on stderr and in the log's trailer, with the nearest loaded name; {@code leaks} repeats
 * it. The trailer is a '#' line: tools that read only the event lines skip it. The application is
 * unharmed and the correct entry traced as usual.
 */
class UnmatchedEntriesIT {
    private static final String OWN = "fixtures.anytype.drops.DropOrigins$OwnClose";

    @OnEachJdk
    void aNameThatMatchesNothingIsSaidWithTheNearestLoadedName(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.anytype.drops.DropOrigins").agent("types:\n"
                + "  - class: " + OWN + "\n"
                + "  - class: fixtures.anytype.drops.DropOrigins$OwnClos\n"
                + "  - class: fixtures.anytype.dorps.*\n");
        RunResult r = run.run("3");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("RELEASED 3 EACH");
        assertThat(r.events("ALLOCATE", OWN)).hasSize(3);
        assertThat(r.stderr()).contains("leaktrace0.yaml:3: class: 'fixtures.anytype.drops.DropOrigins$OwnClos'"
                + " matched no class the JVM loaded, so it traced nothing; did you mean " + OWN + "?");
        assertThat(r.stderr()).contains("leaktrace0.yaml:4: class: 'fixtures.anytype.dorps.*' matched no class"
                + " the JVM loaded, so it traced nothing; did you mean fixtures.anytype.drops.*?");
        assertThat(r.stderr()).as("the entry that matched is not named").doesNotContain("'" + OWN + "'");
        assertThat(r.log()).contains("# leaktrace unmatched entry=" + run.dir().resolve("leaktrace0.yaml")
                + ":3 class=fixtures.anytype.drops.DropOrigins$OwnClos suggestion=" + OWN + "\n");
        assertThat(Event.torn(r.log().lines().toList())).isEmpty();

        RunResult leaks = JvmRun.cli(jdk).run("leaks", run.log().toString());
        assertThat(leaks.exit()).isZero();
        assertThat(leaks.stderr()).contains("the config entry 'fixtures.anytype.drops.DropOrigins$OwnClos'",
                "matched no class the JVM loaded, so it traced nothing; did you mean " + OWN + "?",
                "did you mean fixtures.anytype.drops.*?");
    }
}

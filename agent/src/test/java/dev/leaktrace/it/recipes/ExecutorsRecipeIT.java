package dev.leaktrace.it.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;

/**
 * The executors recipe on the JDK's own pools (fixtures.recipes.ExecutorLeaks): pools shut down by
 * shutdown(), by close() (Java 19+) or shutdownNow() through a wrapper, and an own subclass, are
 * dropped; exactly the leaked scheduled pool is left, with its site in the Executors factory.
 */
class ExecutorsRecipeIT {
    @OnEachJdk
    void exactlyThePoolNeverShutDownIsLeft(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agentWithConfig("recipe:executors").main("fixtures.recipes.ExecutorLeaks");
        RunResult r = run.run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("FIXED 42", "SINGLE ran", "OWN 1", "SCHEDULED later", "DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        int feature = Integer.parseInt(jdk.name().substring("java".length()));
        String releasedBy = feature >= 19 ? "close" : "shutdownNow";
        assertThat(r.stdout()).contains("RELEASED BY " + releasedBy);

        Traced plain = Traced.of(r, "java.util.concurrent.ThreadPoolExecutor");
        assertThat(plain.allocated()).as("newFixedThreadPool and the pool inside newSingleThreadExecutor")
                .hasSize(2);
        // Executors' factories call new: the line that called the factory is the site, the factory's a @LIBRARY line.
        assertThat(plain.allocated()).extracting(Event::site).allMatch(s -> s.startsWith("fixtures/recipes/ExecutorLeaks.java:"));
        assertThat(plain.allocated()).extracting(e -> r.librarySites().get(e.id()))
                .allMatch(s -> s.startsWith("java/util/concurrent/Executors.java:"));
        assertThat(plain.dropped()).as(r.toString()).hasSize(2);

        Traced own = Traced.of(r, "fixtures.recipes.ExecutorLeaks$NamedPool");
        assertThat(own.allocated()).as("a subclass, through subtypes: true").hasSize(1);
        assertThat(own.allocated().get(0).site()).isEqualTo(r.sitesPrinted().get(0));
        assertThat(own.dropped()).hasSize(1);

        Traced scheduled = Traced.of(r, "java.util.concurrent.ScheduledThreadPoolExecutor");
        assertThat(scheduled.allocated()).hasSize(1);
        assertThat(scheduled.leaked()).as(r.toString()).hasSize(1);
        assertThat(scheduled.leaked().get(0).site()).startsWith("fixtures/recipes/ExecutorLeaks.java:");
        assertThat(r.librarySites().get(scheduled.leaked().get(0).id())).startsWith("java/util/concurrent/Executors.java:");

        assertThat(r.events()).as("four pools, three dropped, nothing else").hasSize(4 + 3);
    }
}

package dev.leaktrace.it.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;

/**
 * A config file of the user's that includes a recipe and adds a type of its own: the recipe's
 * types are traced exactly as with config=recipe:jdbc, and the own type beside them, whose site is
 * the application's line that leaked the connection the recipe reports at the driver's line.
 */
class IncludeRecipeIT {
    @OnEachJdk
    void includedRecipeAndOwnTypesAreTracedTogether(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk)
                .agent("""
                        include: [jdbc]
                        types:
                          - class: fixtures.recipes.ItemDao
                        """)
                .classPath(JdbcRecipeIT.H2)
                .main("fixtures.recipes.JdbcLeaks");
        RunResult r = run.run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("COUNT 3", "DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        JdbcRecipeIT.checkJdbc(r);

        Traced daos = Traced.of(r, "fixtures.recipes.ItemDao");
        assertThat(daos.allocated()).extracting(Event::site).containsExactly(r.sitesPrinted().get(0));
        assertThat(daos.leaked()).as(r.toString()).hasSize(1);
        assertThat(r.events().stream().map(Event::type).distinct())
                .containsExactlyInAnyOrder("fixtures.recipes.ItemDao", "org.h2.jdbc.JdbcConnection",
                        "org.h2.jdbc.JdbcStatement", "org.h2.jdbc.JdbcPreparedStatement", "org.h2.jdbc.JdbcResultSet");
    }
}

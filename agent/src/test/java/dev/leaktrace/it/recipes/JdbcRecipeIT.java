package dev.leaktrace.it.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Built;
import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.nio.file.Path;

/**
 * The jdbc recipe against a real driver: H2's implementation classes are traced through the
 * java.sql interfaces, closed objects are dropped (also a result set closed by its statement), and
 * exactly the connection, statement and result set that fixtures.recipes.JdbcLeaks leaks are left.
 */
class JdbcRecipeIT {
    static final Path H2 = Built.IT_LIBS.resolve("h2.jar");

    @OnEachJdk
    void tracesEveryDriverObjectAndLeavesExactlyTheLeakedOnes(Jdk jdk) throws Exception {
        assertThat(H2).as("copied by maven-dependency-plugin in pre-integration-test").exists();
        JvmRun run = JvmRun.on(jdk).agentWithConfig("recipe:jdbc").classPath(H2)
                .main("fixtures.recipes.JdbcLeaks");
        RunResult r = run.run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("ROWS 3", "NAME item2", "COUNT 3", "DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        checkJdbc(r);
        assertThat(r.events().stream().map(Event::type).distinct())
                .as("only the driver's implementation classes").allMatch(t -> t.startsWith("org.h2.jdbc.Jdbc"));
    }

    /** What JdbcLeaks leaves in the log, whichever config traced it with the jdbc recipe's types. */
    static void checkJdbc(RunResult r) {
        Traced connections = Traced.of(r, "org.h2.jdbc.JdbcConnection");
        assertThat(connections.allocated()).as(r.toString()).hasSize(3);
        assertThat(connections.dropped()).hasSize(2);
        assertThat(connections.leaked()).hasSize(1);
        // DriverManager -> org.h2.Driver.connect, which calls new: the line that called DriverManager is the site.
        assertThat(connections.leaked().get(0).site()).isEqualTo(r.sitesPrinted().get(0));
        assertThat(r.librarySites().get(connections.leaked().get(0).id())).startsWith("org/h2/Driver.java:");

        Traced statements = Traced.of(r, "org.h2.jdbc.JdbcStatement");
        assertThat(statements.allocated()).as(r.toString()).hasSize(4);
        assertThat(statements.dropped()).hasSize(4);
        assertThat(statements.leaked()).isEmpty();

        Traced prepared = Traced.of(r, "org.h2.jdbc.JdbcPreparedStatement");
        assertThat(prepared.allocated()).as(r.toString()).hasSize(2);
        assertThat(prepared.dropped()).hasSize(1);
        assertThat(prepared.leaked()).as("the statement left open on a closed connection").hasSize(1);
        assertThat(prepared.leaked().get(0).site()).startsWith("fixtures/recipes/JdbcLeaks.java:");
        assertThat(r.librarySites().get(prepared.leaked().get(0).id())).startsWith("org/h2/jdbc/JdbcConnection.java:");

        Traced resultSets = Traced.of(r, "org.h2.jdbc.JdbcResultSet");
        assertThat(resultSets.allocated()).as(r.toString()).hasSize(4);
        assertThat(resultSets.dropped()).as("closed by close() and by its statement").hasSize(3);
        assertThat(resultSets.leaked()).hasSize(1);

        assertThat(r.events().stream().map(Event::kind)).as("nothing was collected unclosed").doesNotContain("GC");
    }
}

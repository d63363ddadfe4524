package dev.leaktrace.it.anytype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Built;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.LogConsistency;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A third-party library from Maven Central (commons-csv) under {@code java.lang.Object} with
 * subtypes: every class traced, the library's code included. The program prints the same as
 * without the agent, exits the same, the agent says nothing, the log is consistent, and each
 * record the program counted (its rows and the header) is one @ALLOCATE of {@code CSVRecord}.
 */
class TraceEverythingIT {
    private static final int ROWS = 2_000;

    private static JvmRun csvProgram(Jdk jdk) throws Exception {
        return JvmRun.on(jdk).main("fixtures.anytype.CsvRecords").timeout(Duration.ofSeconds(120))
                .classPath(lib("commons-csv.jar"), lib("commons-io.jar"), lib("commons-codec.jar"));
    }

    private static Path lib(String name) {
        return Built.IT_LIBS.resolve(name);
    }

    @OnEachJdk
    void aLibraryRunsAsWithoutTheAgentWithEveryObjectTraced(Jdk jdk) throws Exception {
        RunResult plain = csvProgram(jdk).run(String.valueOf(ROWS));
        RunResult traced = csvProgram(jdk).agent("types:\n  - class: java.lang.Object\n    subtypes: true\n")
                .run(String.valueOf(ROWS));
        assertThat(plain.exit()).as(plain.toString()).isZero();
        assertThat(plain.stdout()).startsWith("RECORDS " + (ROWS + 1) + " ");
        assertThat(traced.exit()).isEqualTo(plain.exit());
        assertThat(traced.stdout()).isEqualTo(plain.stdout());
        assertThat(traced.stderr()).as("the agent says nothing").doesNotContain("leaktrace:");
        assertThat(LogConsistency.problems(traced.log())).isEmpty();
        assertThat(traced.events("ALLOCATE", "org.apache.commons.csv.CSVRecord")).hasSize(ROWS + 1);
        assertThat(traced.events("ALLOCATE", "org.apache.commons.csv.CSVParser")).hasSize(1);
        assertThat(traced.events("DROP", "org.apache.commons.csv.CSVParser")).as("closed by try-with-resources")
                .hasSize(1);
    }
}

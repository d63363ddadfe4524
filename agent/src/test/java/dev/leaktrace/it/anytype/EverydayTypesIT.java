package dev.leaktrace.it.anytype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.LogConsistency;
import dev.leaktrace.it.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The everyday JDK types real leaks are made of, each traced on its own and all at once
 * ({@code java.lang.Object} with subtypes): the program runs as without the agent (its output, exit
 * code, no warning), the log is consistent, and every object the program made in its own code has
 * exactly one @ALLOCATE at its line. These configs used to recurse into the agent (a hang at 100%
 * CPU), fail on the recorder's own stack walks and thread-locals, or trace nothing.
 */
class EverydayTypesIT {
    private static final int ROUNDS = 500;

    static Stream<Arguments> configs() {
        List<String[]> configs = List.of(
                new String[] {"  - class: java.util.HashMap\n", "map"},
                new String[] {"  - class: java.util.ArrayList\n", "list"},
                new String[] {"  - class: java.lang.String\n", "string"},
                new String[] {"  - class: java.util.**\n", "map,list"},
                new String[] {"  - class: java.lang.Throwable\n    subtypes: true\n", "exception"},
                new String[] {"  - class: java.lang.Thread\n    subtypes: true\n", "thread"},
                new String[] {"  - class: java.lang.Object\n    subtypes: true\n", "map,list,string,exception,thread"});
        return Jdk.all().stream().flatMap(jdk -> configs.stream().map(c -> Arguments.of(jdk, c[0], c[1])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("configs")
    void tracedExactlyAndTheProgramUnharmed(Jdk jdk, String entry, String kinds) throws Exception {
        RunResult r = JvmRun.on(jdk).main("fixtures.anytype.Everyday").timeout(Duration.ofSeconds(90))
                .agent("types:\n" + entry).run(String.valueOf(ROUNDS));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("MADE " + ROUNDS + " KEPT " + ROUNDS / 10);
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        assertThat(LogConsistency.problems(r.log())).isEmpty();

        Map<String, String> sites = r.stdout().lines().filter(l -> l.startsWith("SITE "))
                .map(l -> l.split(" ")).collect(Collectors.toMap(f -> f[1], f -> f[2]));
        Map<String, String> typeOfKind = Map.of("map", "java.util.HashMap", "list", "java.util.ArrayList",
                "string", "java.lang.String", "exception", "java.lang.IllegalStateException",
                "thread", "java.lang.Thread");
        for (String kind : kinds.split(",")) {
            String type = typeOfKind.get(kind);
            List<Event> made = r.events("ALLOCATE", type).stream()
                    .filter(e -> e.site().equals(sites.get(kind))).toList();
            assertThat(made).as("%s made at %s", type, sites.get(kind)).hasSize(kind.equals("thread") ? 1 : ROUNDS);
        }
    }
}

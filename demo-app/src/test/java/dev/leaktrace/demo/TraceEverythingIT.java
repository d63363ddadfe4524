package dev.leaktrace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prover under configs that trace every object ({@code java.lang.Object} with subtypes) or a
 * whole JDK package tree: it computes the same proofs (digest) and exits as without the agent, says
 * nothing of the agent, and its log passes {@code leaks --strict} (every line whole, ids unique, no
 * drop of an object the log never saw allocated: objects made before the agent never drop). Each
 * leaked index the prover counts is one @ALLOCATE.
 */
class TraceEverythingIT {
    private static final int PROOFS = 4;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Pattern DIGEST = Pattern.compile("cached indexes (\\d+), digest (\\w+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"  - class: java.lang.Object\n    subtypes: true\n", "  - class: java.util.**\n"})
    void theProverRunsAsWithoutTheAgentAndItsLogIsConsistent(String entry) throws Exception {
        Matcher untraced = result(run(List.of(JAVA, "-jar", System.getProperty("demo.jar"), "--proofs", "" + PROOFS)));

        Path config = dir.resolve("everything.yaml");
        Files.writeString(config, "types:\n" + entry);
        Path log = dir.resolve("everything.log");
        Run traced = run(List.of(JAVA, "-javaagent:" + System.getProperty("leaktrace.jar") + "=config=" + config
                + ",output=" + log, "-jar", System.getProperty("demo.jar"), "--proofs", "" + PROOFS));
        Matcher same = result(traced);
        assertThat(same.group(2)).as("the proofs' digest").isEqualTo(untraced.group(2));
        assertThat(same.group(1)).isEqualTo(untraced.group(1));
        assertThat(traced.output).as("the agent says nothing").doesNotContain("leaktrace:");

        Run leaks = run(List.of(JAVA, "-jar", System.getProperty("leaktrace.jar"), "leaks", log.toString(), "--strict"));
        assertThat(leaks.output).doesNotContain("unknown id", "malformed", "twice");
        if (entry.contains("Object")) {
            long indexes = Files.readAllLines(log).stream()
                    .filter(l -> l.startsWith("@ALLOCATE dev.leaktrace.demo.prover.ProverIndex ")).count();
            assertThat(indexes).isEqualTo(Long.parseLong(untraced.group(1)));
        }
    }

    private record Run(int exit, String output) {
    }

    private Matcher result(Run run) {
        assertThat(run.exit).as(run.output).isZero();
        Matcher m = DIGEST.matcher(run.output);
        assertThat(m.find()).as(run.output).isTrue();
        return m;
    }

    private Run run(List<String> command) throws Exception {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(command.toString()).isTrue();
        return new Run(p.exitValue(), Files.readString(output));
    }
}

package dev.leaktrace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's story: the prover leaks under the agent, --fixed repairs it, and diff says so. */
class BeforeAfterIT {
    private static final String INDEX = "dev.leaktrace.demo.prover.ProverIndex";
    private static final int PROOFS = 6;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path dir;
    static Path before;
    static Path after;

    @BeforeAll
    static void runBothWays() throws Exception {
        before = dir.resolve("before.log");
        after = dir.resolve("after.log");
        runDemo(before);
        runDemo(after, "--fixed");
    }

    @Test
    void leaksNamesTheIndexesKeptByTheLeakyProver() throws Exception {
        JsonObject leaks = json(cli("leaks", before.toString(), "--json"));
        JsonObject index = null;
        for (JsonElement g : leaks.getAsJsonArray("groups")) {
            if (g.getAsJsonObject().get("type").getAsString().equals(INDEX)) {
                index = g.getAsJsonObject();
            }
        }
        assertThat(index).as(leaks.toString()).isNotNull();
        assertThat(index.get("count").getAsLong()).isEqualTo(PROOFS);
        assertThat(index.get("site").getAsString()).startsWith("dev/leaktrace/demo/prover/");
        // paths: 3 in the demo's config: the heap dump at exit names the cache as every index's holder.
        JsonObject holder = index.getAsJsonObject("heap").getAsJsonArray("holders").get(0).getAsJsonObject();
        assertThat(holder.get("root").getAsString()).isEqualTo("static:dev.leaktrace.demo.prover.Prover.INDEX_CACHE");
        assertThat(holder.get("count").getAsLong()).isEqualTo(PROOFS);
        assertThat(cli("leaks", before.toString()))
                .contains(PROOFS + " (retained ").contains("held by dev.leaktrace.demo.prover.Prover.INDEX_CACHE → java.util.HashMap");
    }

    @Test
    void diffCallsTheIndexLeakFixed() throws Exception {
        JsonObject diff = json(cli("diff", before.toString(), after.toString(), "--json"));
        String verdict = null;
        for (JsonElement t : diff.getAsJsonArray("types")) {
            if (t.getAsJsonObject().get("type").getAsString().equals(INDEX)) {
                verdict = t.getAsJsonObject().get("verdict").getAsString();
            }
        }
        assertThat(verdict).as(diff.toString()).isEqualTo("fixed");
        assertThat(diff.getAsJsonObject("after").getAsJsonObject("leaked").get("bytes").getAsLong())
                .isLessThan(diff.getAsJsonObject("before").getAsJsonObject("leaked").get("bytes").getAsLong());
        assertThat(cli("diff", before.toString(), after.toString(), "--fail-on-regression")).contains("fixed");
    }

    @Test
    void theLeakGateFailsTheLeakyRunAndPassesTheFixedOneWhoseSrsIsExpected() throws Exception {
        String budget = System.getProperty("demo.budget");
        assertThat(run(List.of(JAVA, "-jar", System.getProperty("leaktrace.jar"), "leaks", after.toString(),
                "--fail-on-leak", "--budget", budget), 0))
                .contains("1 object alive at the end is expected, kept for the whole run: dev.leaktrace.demo.prover.Srs");
        assertThat(run(List.of(JAVA, "-jar", System.getProperty("leaktrace.jar"), "leaks", after.toString(),
                "--fail-on-leak"), 1)).as("without the budget file the SRS counts").contains("1 object leaked");
        assertThat(run(List.of(JAVA, "-jar", System.getProperty("leaktrace.jar"), "leaks", before.toString(),
                "--fail-on-leak", "--budget", budget), 1)).contains(INDEX + ": " + PROOFS + " leaked, allowed 0");
    }

    @Test
    void theUnitTestsRanUnderTheAgentAndTheBudgetGateHolds() throws Exception {
        Path testLog = Path.of(System.getProperty("demo.testLog"));
        assertThat(Files.readString(testLog)).as("the surefire run under -javaagent wrote its log")
                .contains("@ALLOCATE " + INDEX + " ").contains("@DROP " + INDEX + " ");
        assertThat(cli("leaks", testLog.toString(), "--budget", System.getProperty("demo.budget"))).contains("Total:");
        Path strict = dir.resolve("strict-budget.yaml");
        Files.writeString(strict, "budgets: []\ndefault:\n  count: 0\n");
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", System.getProperty("leaktrace.jar"), "leaks",
                testLog.toString(), "--budget", strict.toString()));
        assertThat(run(command, 1)).as("a budget the suite breaks fails the gate").contains("budget");
    }

    private static void runDemo(Path log, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA,
                "-javaagent:" + System.getProperty("leaktrace.jar") + "=config=" + System.getProperty("demo.config")
                        + ",output=" + log,
                "-jar", System.getProperty("demo.jar"), "--proofs", Integer.toString(PROOFS)));
        command.addAll(List.of(extra));
        String out = run(command, 0);
        assertThat(out).contains("done");
        assertThat(log).exists();
    }

    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", System.getProperty("leaktrace.jar")));
        command.addAll(List.of(args));
        return run(command, 0);
    }

    private static String run(List<String> command, int expectedExit) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(output);
        assertThat(p.exitValue()).as(command + "\n" + text).isEqualTo(expectedExit);
        return text;
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}

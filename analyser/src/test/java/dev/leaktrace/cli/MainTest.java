package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
    static final String SEED = """
            @ALLOCATE WasmFpSrs 209715200 src/srs.rs:42 1
            @ALLOCATE WasmPastaFpPlonkIndex 52428800 src/pasta_fp_plonk_index.rs:179 2
            @DROP WasmPastaFpPlonkIndex 52428800 2
            """;
    static final String CLEAN = "@ALLOCATE WasmFpSrs 209715200 src/srs.rs:44 1\n@DROP WasmFpSrs 209715200 1\n";

    @TempDir
    Path dir;

    private String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    @Test
    void leaksNamesTheSeedsLeak() throws IOException {
        CliRun run = CliRun.of("leaks", file("seed.log", SEED));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("WasmFpSrs").contains("209715200").contains("200.0 MiB")
                .contains("src/srs.rs:42").doesNotContain("WasmPastaFpPlonkIndex");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void leaksJsonGoesToStdoutAlone() throws IOException {
        CliRun run = CliRun.of("leaks", "--json", file("seed.log", SEED));
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        JsonObject group = json.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(group.get("type").getAsString()).isEqualTo("WasmFpSrs");
        assertThat(group.get("bytes").getAsLong()).isEqualTo(209715200L);
        assertThat(group.get("site").getAsString()).isEqualTo("src/srs.rs:42");
        assertThat(group.getAsJsonArray("ids").get(0).getAsLong()).isEqualTo(1);
    }

    @Test
    void readsStandardInputAndGzip() throws IOException {
        CliRun stdin = CliRun.withStdin(SEED, "leaks", "--json", "-");
        assertThat(JsonParser.parseString(stdin.out()).getAsJsonObject().getAsJsonObject("leaked").get("bytes")
                .getAsLong()).isEqualTo(209715200L);

        Path gz = dir.resolve("seed.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(SEED.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(CliRun.of("leaks", gz.toString()).out()).contains("WasmFpSrs");
    }

    @Test
    void failOnLeakGatesWithExitOne() throws IOException {
        assertThat(CliRun.of("leaks", "--fail-on-leak", file("seed.log", SEED)).exit()).isEqualTo(1);
        assertThat(CliRun.of("leaks", "--fail-on-leak", file("clean.log", CLEAN)).exit()).isZero();
        CliRun collected = CliRun.of("leaks", "--fail-on-leak",
                file("gc.log", "@ALLOCATE Foo 8 a.rs:1 1\n@GC Foo 8 1\n"));
        assertThat(collected.exit()).isEqualTo(1);
        assertThat(collected.err()).contains("1 collected without a drop");
    }

    @Test
    void budgetBreachesExitOneAndAreListed() throws IOException {
        String budget = file("budget.yaml", "budgets:\n  - type: WasmFpSrs\n    bytes: 100 MiB\n");
        CliRun run = CliRun.of("leaks", "--budget", budget, file("seed.log", SEED));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("over budget").contains("WasmFpSrs: 209715200 bytes");

        String generous = file("ok.yaml", "budgets:\n  - type: WasmFpSrs\n    bytes: 200 MiB\n");
        assertThat(CliRun.of("leaks", "--budget", generous, file("seed.log", SEED)).exit()).isZero();
    }

    @Test
    void aBadBudgetFileIsAUsageErrorNamingTheLine() throws IOException {
        String budget = file("bad.yaml", "budgets:\n  - type: WasmFpSrs\n    maximum: 1\n");
        CliRun run = CliRun.of("leaks", "--budget", budget, file("seed.log", SEED));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("leaktrace: " + budget + ":3: unknown key 'maximum'");
    }

    @Test
    void diffNamesTheFixedTypeAndGatesOnRegressions() throws IOException {
        String before = file("before.log", SEED);
        String after = file("after.log", CLEAN);
        CliRun run = CliRun.of("diff", "--json", "--fail-on-regression", before, after);
        assertThat(run.exit()).isZero();
        JsonObject type = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("types").get(0)
                .getAsJsonObject();
        assertThat(type.get("type").getAsString()).isEqualTo("WasmFpSrs");
        assertThat(type.get("verdict").getAsString()).isEqualTo("fixed");

        CliRun reversed = CliRun.of("diff", "--fail-on-regression", after, before);
        assertThat(reversed.exit()).isEqualTo(1);
        assertThat(reversed.out()).contains("new");
        assertThat(reversed.err()).contains("--fail-on-regression");
    }

    @Test
    void reportWritesOneHtmlFile() throws IOException {
        Path html = dir.resolve("report.html");
        CliRun run = CliRun.of("report", file("before.log", SEED), file("after.log", CLEAN), "-o", html.toString());
        assertThat(run.exit()).isZero();
        assertThat(Files.readString(html)).contains("<svg").contains("Diff by type").contains("WasmFpSrs");

        CliRun three = CliRun.of("report", "a", "b", "c", "-o", html.toString());
        assertThat(three.exit()).isEqualTo(2);
    }

    @Test
    void badInputIsReportedWithFileAndLineAndStrictMakesItFatal() throws IOException {
        String log = file("bad.log", SEED + "@DROP Foo 1 99\n@ALLOCATE Foo zero a.rs:1 5\n");
        CliRun lenient = CliRun.of("leaks", log);
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.err()).contains(log + ":4: @DROP of id 99").contains(log + ":5: malformed @ALLOCATE");

        CliRun strict = CliRun.of("leaks", "--strict", log);
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err()).startsWith("leaktrace: " + log + ":4:");
    }

    @Test
    void unreadableOrEmptyInputExitsTwoWithoutAStackTrace() throws IOException {
        CliRun missing = CliRun.of("leaks", dir.resolve("nope.log").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("leaktrace: cannot read").doesNotContain("Exception").doesNotContain("\tat ");

        CliRun noEvents = CliRun.of("leaks", file("plain.log", "just program output\n"));
        assertThat(noEvents.exit()).isEqualTo(2);
        assertThat(noEvents.err()).contains("no @ALLOCATE, @DROP or @GC lines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"leaks", "diff", "report"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: leaktrace " + command);
    }

    @Test
    void usageErrorsExitTwoWithTheUsage() {
        CliRun unknown = CliRun.of("leaks", "--no-such-option", "x.log");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("leaktrace: leaks: unknown option '--no-such-option'.").contains("Usage:");

        assertThat(CliRun.of("diff", "only-one.log").exit()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exit()).isEqualTo(2);
        CliRun none = CliRun.of();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("leaks").contains("diff").contains("report");
    }

    @Test
    void printsAVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("leaktrace ");
    }
}

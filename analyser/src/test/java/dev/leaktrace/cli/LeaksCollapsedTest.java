package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leaks --collapsed} and the stacks in {@code leaks --json}. */
class LeaksCollapsedTest {
    static final String LOG = """
            @ALLOCATE app.Conn 100 app/Repo.java:17 1
            @STACK 1 app.Main.main(Main.java:5);app.Repo.open(Repo.java:17)
            @ALLOCATE app.Conn 100 app/Repo.java:17 2
            """;

    @TempDir
    Path dir;

    private String log() throws IOException {
        return Files.writeString(dir.resolve("run.log"), LOG).toString();
    }

    @Test
    void dashWritesOnlyTheCollapsedStacksToStandardOutput() throws IOException {
        CliRun run = CliRun.of("leaks", "--collapsed", "-", log());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("app.Main.main(Main.java:5);app.Repo.open(Repo.java:17);[app.Conn] 100\n"
                + "[site] app/Repo.java:17;[app.Conn] 100\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aFileGetsTheStacksAndStandardOutputTheUsualTable() throws IOException {
        Path collapsed = dir.resolve("leaks.folded");
        CliRun run = CliRun.of("leaks", "--collapsed", collapsed.toString(), log());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("app.Conn").contains("Call stacks of leaked objects, largest first").contains("      app.Repo.open(Repo.java:17)\n      app.Main.main(Main.java:5)\n");
        assertThat(Files.readString(collapsed)).startsWith("app.Main.main(Main.java:5);app.Repo.open(Repo.java:17);"
                + "[app.Conn] 100\n");
    }

    @Test
    void gatesStillApplyWithCollapsedOutput() throws IOException {
        assertThat(CliRun.of("leaks", "--collapsed", "-", "--fail-on-leak", log()).exit()).isEqualTo(ExitCodes.GATE_FAILED);
    }

    @Test
    void jsonAndCollapsedCannotBothUseStandardOutput() throws IOException {
        CliRun run = CliRun.of("leaks", "--json", "--collapsed", "-", log());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("leaktrace: --json and --collapsed - both write to standard output");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnwritableFileIsAClearError() throws IOException {
        String unwritable = dir.resolve("no-such-dir").resolve("x.folded").toString();
        CliRun run = CliRun.of("leaks", "--collapsed", unwritable, log());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("leaktrace: cannot write " + unwritable);
    }

    @Test
    void jsonListsTheLeakedStacksBesideTheContractFields() throws IOException {
        JsonObject json = JsonParser.parseString(CliRun.of("leaks", "--json", log()).out()).getAsJsonObject();
        assertThat(json.get("stackLines").getAsLong()).isEqualTo(1);
        assertThat(json.get("unmatchedStacks").getAsLong()).isZero();
        assertThat(json.get("otherEvents").getAsLong()).isZero();
        JsonArray stacks = json.getAsJsonArray("stacks");
        assertThat(stacks).hasSize(1);
        JsonObject stack = stacks.get(0).getAsJsonObject();
        assertThat(stack.getAsJsonArray("frames").get(0).getAsString()).isEqualTo("app.Main.main(Main.java:5)");
        assertThat(stack.getAsJsonArray("frames").get(1).getAsString()).isEqualTo("app.Repo.open(Repo.java:17)");
        assertThat(stack.get("type").getAsString()).isEqualTo("app.Conn");
        assertThat(stack.get("site").getAsString()).isEqualTo("app/Repo.java:17");
        assertThat(stack.get("count").getAsLong()).isEqualTo(1);
        assertThat(stack.get("bytes").getAsLong()).isEqualTo(100);
        assertThat(json.getAsJsonObject("leaked").get("bytes").getAsLong()).isEqualTo(200);
    }
}

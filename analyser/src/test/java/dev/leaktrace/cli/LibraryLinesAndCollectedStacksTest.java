package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** @LIBRARY lines and the stacks of objects collected without a drop, in {@code leaks}, its JSON and the report. */
class LibraryLinesAndCollectedStacksTest {
    static final String LOG = """
            @ALLOCATE org.h2.jdbc.JdbcStatement 80 app/Repo.java:42 1
            @LIBRARY 1 org/h2/jdbc/JdbcConnection.java:234
            @STACK 1 app.Main.main(Main.java:5);app.Repo.find(Repo.java:42)
            @ALLOCATE org.h2.jdbc.JdbcStatement 80 app/Repo.java:42 2
            @LIBRARY 2 org/h2/jdbc/JdbcConnection.java:234
            @STACK 2 app.Main.main(Main.java:9);app.Repo.find(Repo.java:42)
            @GC org.h2.jdbc.JdbcStatement 80 2
            @ALLOCATE app.Own 16 app/Own.java:3 3
            @LIBRARY 9 some/Where.java:1
            """;

    @TempDir
    Path dir;

    private String log() throws IOException {
        return Files.writeString(dir.resolve("run.log"), LOG).toString();
    }

    @Test
    void textShowsTheLibraryLineAndBothKindsOfStacks() throws IOException {
        CliRun run = CliRun.of("leaks", log());
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("Made in library code for these sites (the library's line of new):\n"
                        + "  org.h2.jdbc.JdbcStatement at app/Repo.java:42: org/h2/jdbc/JdbcConnection.java:234\n")
                .contains("Call stacks of leaked objects, largest first (innermost frame first):\n"
                        + "  1 objects, 80 B: org.h2.jdbc.JdbcStatement at app/Repo.java:42\n"
                        + "      app.Repo.find(Repo.java:42)\n      app.Main.main(Main.java:5)\n")
                .contains("Call stacks of objects collected without a drop, largest first (innermost frame first):\n"
                        + "  1 objects, 80 B: org.h2.jdbc.JdbcStatement at app/Repo.java:42\n"
                        + "      app.Repo.find(Repo.java:42)\n      app.Main.main(Main.java:9)\n");
        assertThat(run.out()).doesNotContain("app.Own at");
    }

    @Test
    void jsonHasTheLibrarySitesPerGroupAndTheCollectedStacks() throws IOException {
        CliRun run = CliRun.of("leaks", "--json", log());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        JsonObject leaked = json.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(leaked.get("type").getAsString()).isEqualTo("org.h2.jdbc.JdbcStatement");
        assertThat(leaked.getAsJsonArray("librarySites").get(0).getAsString())
                .isEqualTo("org/h2/jdbc/JdbcConnection.java:234");
        assertThat(json.getAsJsonArray("groups").get(1).getAsJsonObject().has("librarySites")).isFalse();
        JsonObject collected = json.getAsJsonArray("collectedStacks").get(0).getAsJsonObject();
        assertThat(collected.getAsJsonArray("frames").get(0).getAsString()).isEqualTo("app.Main.main(Main.java:9)");
        assertThat(collected.get("count").getAsLong()).isEqualTo(1);
        assertThat(json.get("unmatchedLibraryLines").getAsLong()).isEqualTo(1);
    }

    @Test
    void theReportShowsTheLibraryLineAndTheCollectedFlameGraph() throws IOException {
        Path html = dir.resolve("report.html");
        CliRun run = CliRun.of("report", log(), "-o", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<td><span class=\"name\">org/<wbr>h2/<wbr>jdbc/<wbr>JdbcConnection.java:234</span></td>")
                .contains("Collected without a drop, by call stack");
    }
}

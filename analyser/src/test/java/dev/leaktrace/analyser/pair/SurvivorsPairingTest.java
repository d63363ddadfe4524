package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.LogAnalyser;
import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.output.LeaksText;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LogSource;
import dev.leaktrace.analyser.result.SiteCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survivors logs: leaks from the lines, totals from the last @COUNTS of each type and site. */
class SurvivorsPairingTest {
    private static final String SURVIVORS = "# leaktrace 1.0 pid=41 host=web-1 config=a.yaml log=survivors survivorAge=10000ms\n"
            + "@COUNTS app.Conn app/Repo.java:17 500 8000 498 7968 0 0\n"
            + "@ALLOCATE app.Conn 16 app/Repo.java:17 12\n"
            + "@ALLOCATE app.Conn 16 app/Repo.java:17 13\n"
            + "@ALLOCATE app.Buf 64 app/Io.java:3 900\n"
            + "@DROP app.Conn 16 12\n"
            + "@COUNTS app.Conn app/Repo.java:17 1000 16000 999 15984 0 0\n"
            + "@COUNTS app.Buf app/Io.java:3 20 1280 0 0 19 1216\n";

    @TempDir
    Path dir;

    private LogInput input(String name, String log) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, log);
        return LogInput.of(file.toString(), null);
    }

    @Test
    void leaksComeFromTheLinesAndTotalsFromTheLastCounts() throws Exception {
        Analysis analysis = TestLogs.analyse(SURVIVORS);
        assertThat(analysis.problems().isEmpty()).isTrue();
        assertThat(analysis.leakedCount()).isEqualTo(2);
        assertThat(analysis.groups()).extracting(g -> g.type() + " " + g.site() + " " + g.count())
                .containsExactlyInAnyOrder("app.Conn app/Repo.java:17 1", "app.Buf app/Io.java:3 1");
        assertThat(analysis.allocations()).isEqualTo(1020);
        assertThat(analysis.drops()).isEqualTo(999);
        assertThat(analysis.collectedWithoutDrop()).isEqualTo(19);
        assertThat(analysis.counts()).containsExactly(
                new SiteCount("app.Conn", "app/Repo.java:17", 1000, 16000, 999, 15984, 0, 0),
                new SiteCount("app.Buf", "app/Io.java:3", 20, 1280, 0, 0, 19, 1216));
        assertThat(analysis.hasSurvivorsLog()).isTrue();
        assertThat(LeaksText.of(analysis)).startsWith("Survivors log: only objects alive past the survivor age (10000 ms)");
    }

    @Test
    void logsOfManyJvmsAreTotalledPerJvmAndOverAll() throws Exception {
        String other = "# leaktrace 1.0 pid=77 host=web-2 config=a.yaml\n"
                + "@ALLOCATE app.Conn 16 app/Repo.java:17 1\n"
                + "@ALLOCATE app.Conn 16 app/Repo.java:17 2\n"
                + "@DROP app.Conn 16 1\n";
        Analysis analysis = new LogAnalyser(false).analyse(List.of(input("a.log", SURVIVORS), input("b.log", other)));
        assertThat(analysis.sources()).containsExactly(
                new LogSource(dir.resolve("a.log").toString(), "web-1", 41, true, 10_000, 1020, 999, 19, 2, 80, List.of()),
                new LogSource(dir.resolve("b.log").toString(), "web-2", 77, false, 0, 2, 1, 0, 1, 16, List.of()));
        assertThat(analysis.allocations()).isEqualTo(1022);
        assertThat(analysis.leakedCount()).isEqualTo(3);
        String text = LeaksText.of(analysis);
        assertThat(text).contains("By JVM").contains("web-1/41").contains("web-2/77")
                .containsPattern("all 2 +1022 +1000 +19 +3 +96");
    }
}

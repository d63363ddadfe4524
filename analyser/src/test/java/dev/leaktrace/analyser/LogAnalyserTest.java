package dev.leaktrace.analyser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.ProblemKind;
import dev.leaktrace.analyser.result.Problems;
import dev.leaktrace.analyser.result.StrictModeException;
import dev.leaktrace.analyser.result.Trend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogAnalyserTest {
    @TempDir
    Path dir;

    @Test
    void findsTheSeedsLeak() throws Exception {
        Analysis analysis = TestLogs.analyse(TestLogs.SEED);
        assertThat(analysis.allocations()).isEqualTo(2);
        assertThat(analysis.drops()).isEqualTo(1);
        assertThat(analysis.leakedCount()).isEqualTo(1);
        assertThat(analysis.leakedBytes()).isEqualTo(209715200L);
        assertThat(analysis.groups()).containsExactly(
                new LeakGroup("WasmFpSrs", "src/srs.rs:42", 1, 209715200L, List.of(1L), Trend.SINGLE));
        assertThat(analysis.problems().isEmpty()).isTrue();
    }

    @Test
    void readsPrefixedLinesAndIgnoresTheRest() throws Exception {
        Analysis analysis = TestLogs.analyse("""
                # leaktrace 0.1 started
                2025-08-11T10:00:00Z INFO [console] @ALLOCATE Foo 10 a.rs:1 1
                Hello from the program
                srs.js:12 @STACK 1 a;b;c
                srs.js:13 @MARK phase-two
                [stderr] @DROP Foo 10 1\r
                """);
        assertThat(analysis.allocations()).isEqualTo(1);
        assertThat(analysis.drops()).isEqualTo(1);
        assertThat(analysis.leakedCount()).isZero();
        assertThat(analysis.stackLines()).isEqualTo(1);
        assertThat(analysis.otherEvents()).isEqualTo(1);
        assertThat(analysis.problems().isEmpty()).isTrue();
    }

    @Test
    void groupsByTypeAndSiteLargestBytesFirstWithEarliestIdsAsExamples() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int id = 1; id <= 8; id++) {
            log.append("@ALLOCATE Small 10 a.rs:1 ").append(id).append('\n');
        }
        log.append("@ALLOCATE Big 1000 b.rs:2 100\n");
        log.append("@ALLOCATE Small 10 a.rs:9 101\n");
        log.append("@DROP Small 10 2\n");
        Analysis analysis = TestLogs.analyse(log.toString());
        assertThat(analysis.groups()).extracting(LeakGroup::type, LeakGroup::site, LeakGroup::count, LeakGroup::bytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Big", "b.rs:2", 1L, 1000L),
                        org.assertj.core.groups.Tuple.tuple("Small", "a.rs:1", 7L, 70L),
                        org.assertj.core.groups.Tuple.tuple("Small", "a.rs:9", 1L, 10L));
        assertThat(analysis.groups().get(1).ids()).containsExactly(1L, 3L, 4L, 5L, 6L);
    }

    @Test
    void countsUnknownDropsDuplicatesAndMismatchesWithFileAndLine() throws Exception {
        Analysis analysis = TestLogs.analyse("""
                @ALLOCATE Foo 10 a.rs:1 1
                @DROP Foo 10 99
                @ALLOCATE Foo 10 a.rs:1 1
                @DROP Bar 10 1
                @ALLOCATE Foo 10 a.rs:1 2
                @DROP Foo 11 2
                @ALLOCATE Foo x a.rs:1 3
                """);
        Problems problems = analysis.problems();
        assertThat(problems.count(ProblemKind.UNMATCHED_DROP)).isEqualTo(1);
        assertThat(problems.firstMessages(ProblemKind.UNMATCHED_DROP)).containsExactly(
                "<stdin>:2: @DROP of id 99, which is not alive");
        assertThat(problems.count(ProblemKind.DUPLICATE_ID)).isEqualTo(1);
        assertThat(problems.firstMessages(ProblemKind.DUPLICATE_ID).get(0)).startsWith("<stdin>:3: ");
        assertThat(problems.count(ProblemKind.MISMATCHED_DROP)).isEqualTo(2);
        assertThat(problems.firstMessages(ProblemKind.MISMATCHED_DROP).get(0))
                .startsWith("<stdin>:4: ").contains("Bar").contains("allocated as Foo");
        assertThat(problems.count(ProblemKind.MALFORMED_LINE)).isEqualTo(1);
        assertThat(problems.firstMessages(ProblemKind.MALFORMED_LINE).get(0)).startsWith("<stdin>:7: malformed @ALLOCATE");
        // mismatched drops still pair by id, so nothing leaks
        assertThat(analysis.leakedCount()).isZero();
        assertThat(analysis.drops()).isEqualTo(2);
    }

    @Test
    void keepsOnlyTheFirstFiveMessagesOfAKindButCountsAll() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            log.append("@DROP Foo 1 ").append(1000 + i).append('\n');
        }
        Problems problems = TestLogs.analyse(log.toString()).problems();
        assertThat(problems.count(ProblemKind.UNMATCHED_DROP)).isEqualTo(12);
        assertThat(problems.firstMessages(ProblemKind.UNMATCHED_DROP)).hasSize(5);
    }

    @Test
    void skipsACutOffLastLineButKeepsACompleteOneWithoutNewline() throws Exception {
        Analysis cut = TestLogs.analyse("@ALLOCATE Foo 10 a.rs:1 1\n@ALLOCATE Foo 10 a.r");
        assertThat(cut.allocations()).isEqualTo(1);
        assertThat(cut.problems().count(ProblemKind.TRUNCATED_LINE)).isEqualTo(1);
        assertThat(cut.problems().count(ProblemKind.MALFORMED_LINE)).isZero();
        assertThat(cut.problems().firstMessages(ProblemKind.TRUNCATED_LINE).get(0)).startsWith("<stdin>:2: ");

        Analysis complete = TestLogs.analyse("@ALLOCATE Foo 10 a.rs:1 1\n@DROP Foo 10 1");
        assertThat(complete.leakedCount()).isZero();
        assertThat(complete.problems().isEmpty()).isTrue();
    }

    @Test
    void strictModeStopsAtTheFirstProblem() {
        assertThatThrownBy(() -> TestLogs.analyse("@ALLOCATE Foo 10 a.rs:1 1\n@DROP Foo 10 2\n", true))
                .isInstanceOf(StrictModeException.class)
                .hasMessageContaining("<stdin>:2:")
                .hasMessageContaining("--strict");
    }

    @Test
    void listsCollectedWithoutDropApartFromLeaks() throws Exception {
        Analysis analysis = TestLogs.analyse("""
                @ALLOCATE Foo 10 a.rs:1 1
                @ALLOCATE Foo 10 a.rs:1 2
                @GC Foo 10 1
                """);
        assertThat(analysis.collectedWithoutDrop()).isEqualTo(1);
        assertThat(analysis.collected()).containsExactly(new LeakGroup("Foo", "a.rs:1", 1, 10, List.of(1L), null));
        assertThat(analysis.leakedCount()).isEqualTo(1);
        assertThat(analysis.groups().get(0).ids()).containsExactly(2L);
    }

    @Test
    void eachFileIsItsOwnIdSpace() throws Exception {
        Path first = write("first.log", "@ALLOCATE Foo 10 a.rs:1 1\n");
        Path second = write("second.log", "@DROP Foo 10 1\n@ALLOCATE Foo 10 a.rs:1 1\n");
        Analysis analysis = new LogAnalyser(false).analyse(
                List.of(LogInput.of(first.toString(), null), LogInput.of(second.toString(), null)));
        assertThat(analysis.problems().count(ProblemKind.UNMATCHED_DROP)).isEqualTo(1);
        assertThat(analysis.problems().firstMessages(ProblemKind.UNMATCHED_DROP).get(0))
                .startsWith(second + ":1: ");
        assertThat(analysis.groups()).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(2));
        assertThat(analysis.files()).containsExactly(first.toString(), second.toString());
    }

    @Test
    void readsGzipByItsMagicBytesWhateverTheName() throws Exception {
        Path gz = dir.resolve("seed.log.gz");
        Files.write(gz, gzip(TestLogs.SEED.getBytes(StandardCharsets.UTF_8)));
        Path renamed = Files.copy(gz, dir.resolve("seed.txt"));
        for (Path path : List.of(gz, renamed)) {
            Analysis analysis = new LogAnalyser(false).analyse(List.of(LogInput.of(path.toString(), null)));
            assertThat(analysis.leakedBytes()).isEqualTo(209715200L);
        }
    }

    @Test
    void aTruncatedGzipIsAWarningAndKeepsWhatWasRead() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int id = 1; id <= 20_000; id++) {
            log.append("@ALLOCATE Foo 10 a.rs:1 ").append(id).append('\n');
        }
        byte[] full = gzip(log.toString().getBytes(StandardCharsets.UTF_8));
        Path cut = dir.resolve("cut.log.gz");
        Files.write(cut, Arrays.copyOf(full, full.length / 2));
        Analysis analysis = new LogAnalyser(false).analyse(List.of(LogInput.of(cut.toString(), null)));
        assertThat(analysis.problems().count(ProblemKind.TRUNCATED_FILE)).isEqualTo(1);
        assertThat(analysis.problems().firstMessages(ProblemKind.TRUNCATED_FILE).get(0))
                .startsWith(cut + ": the file ends early");
        assertThat(analysis.allocations()).isBetween(1L, 19_999L);
    }

    @Test
    void anUnreadableFileIsAClearError() {
        Path missing = dir.resolve("missing.log");
        assertThatThrownBy(() -> new LogAnalyser(false).analyse(List.of(LogInput.of(missing.toString(), null))))
                .isInstanceOf(LogReadException.class)
                .hasMessage("cannot read " + missing + ": no such file; check the path");
        assertThatThrownBy(() -> new LogAnalyser(false).analyse(List.of(LogInput.of(dir.toString(), null))))
                .isInstanceOf(LogReadException.class)
                .hasMessageContaining("is a directory");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}

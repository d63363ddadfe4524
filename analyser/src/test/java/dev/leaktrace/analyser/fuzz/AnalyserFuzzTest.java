package dev.leaktrace.analyser.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analyser under bad input: it never shows a stack trace, always says what is wrong in a
 * "leaktrace:" line, and exits 2 only when nothing at all could be read. Every case puts the one
 * known leak (type Leaky at leak.rs:7) among the damage where lines survive, and checks it is found.
 */
class AnalyserFuzzTest {
    static final String GOOD = "@ALLOCATE Leaky 100 leak.rs:7 1\n"
            + "@ALLOCATE Fine 50 fine.rs:3 2\n"
            + "@DROP Fine 50 2\n";

    @TempDir
    Path dir;

    private String file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content).toString();
    }

    private String file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void findsTheLeak(Cli run, String what) {
        run.isClean(what);
        assertThat(run.exit()).as(what + "\n" + run).isZero();
        assertThat(run.out()).as(what).contains("Leaky").contains("leak.rs:7").doesNotContain("fine.rs:3");
    }

    @Test
    void emptyFileIsExit2WithAMessage() throws IOException {
        Cli run = Cli.run("leaks", file("empty.log", "")).isClean("empty");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("empty.log");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 4096, 1 << 20})
    void randomBytesAloneAreExit2WithAMessage(int length) throws IOException {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        Cli run = Cli.run("leaks", file("random.log", bytes)).isClean("random " + length);
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("random.log");
    }

    @Test
    void binaryGarbageAroundGoodLines() throws IOException {
        byte[] garbage = new byte[10_000];
        new Random(7).nextBytes(garbage);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.write(garbage);
        log.write('\n');
        log.writeBytes(GOOD.getBytes(StandardCharsets.US_ASCII));
        log.write(new byte[] {0, 0, 0, '\n', (byte) 0xFF, (byte) 0xFE, '\n'});
        log.write(garbage);
        findsTheLeak(Cli.run("leaks", file("binary.log", log.toByteArray())), "binary garbage");
    }

    @Test
    void hugeAndNegativeNumbers() throws IOException {
        String log = GOOD
                + "@ALLOCATE Huge 99999999999999999999999 a.rs:1 3\n"
                + "@ALLOCATE Neg -5 a.rs:1 4\n"
                + "@ALLOCATE IdHuge 5 a.rs:1 99999999999999999999999\n"
                + "@ALLOCATE IdNeg 5 a.rs:1 -1\n"
                + "@DROP Fine -50 2\n"
                + "@ALLOCATE Max 9223372036854775807 max.rs:1 5\n"
                + "@ALLOCATE Max 9223372036854775807 max.rs:1 6\n"
                + "@ALLOCATE Max 9223372036854775807 max.rs:1 7\n";
        Cli run = Cli.run("leaks", file("numbers.log", log));
        findsTheLeak(run, "numbers");
        assertThat(run.out()).as("no line with a bad number counts").doesNotContain("Huge").doesNotContain("Neg ")
                .doesNotContain("IdHuge").doesNotContain("IdNeg");
        Cli json = Cli.run("leaks", "--json", file("numbers.log", log)).isClean("numbers json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).as("sums that overflow a long do not wrap to negative").doesNotContain("\"bytes\": -")
                .doesNotContain("\"bytes\":-");
    }

    @Test
    void oneMegabyteLines() throws IOException {
        char[] longName = new char[1 << 20];
        Arrays.fill(longName, 'x');
        String log = "#" + new String(longName) + "\n" + new String(longName) + "\n" + GOOD
                + "@ALLOCATE " + new String(longName) + " 1 a.rs:1 9\n";
        findsTheLeak(Cli.run("leaks", file("long.log", log)), "1 MB lines");
    }

    @Test
    void crlfEndings() throws IOException {
        Cli run = Cli.run("leaks", file("crlf.log", GOOD.replace("\n", "\r\n")));
        findsTheLeak(run, "CRLF");
        assertThat(run.out()).doesNotContain("\r");
    }

    @Test
    void gzipCutShortKeepsWhatWasRead() throws IOException {
        StringBuilder big = new StringBuilder(GOOD);
        for (int i = 10; i < 20_000; i++) {
            big.append("@ALLOCATE Other ").append(i).append(" other.rs:1 ").append(i).append('\n');
            big.append("@DROP Other ").append(i).append(' ').append(i).append('\n');
        }
        byte[] gz = gzip(big.toString().getBytes(StandardCharsets.US_ASCII));
        Cli cut = Cli.run("leaks", file("cut.log.gz", Arrays.copyOf(gz, gz.length / 2)));
        findsTheLeak(cut, "gzip cut in the middle");
        assertThat(cut.err()).as("the cut is reported").contains("cut.log.gz");

        Cli header = Cli.run("leaks", file("header.log.gz", Arrays.copyOf(gz, 5))).isClean("gzip cut in its header");
        assertThat(header.exit()).isEqualTo(2);
        assertThat(header.err()).contains("header.log.gz");
    }

    @Test
    void mutatedLogsNeverCrashAndKeepEveryIntactLine() throws IOException {
        Random random = new Random(20240611);
        int files = 300;
        for (int n = 0; n < files; n++) {
            StringBuilder log = new StringBuilder();
            boolean leakIntact = false;
            for (String line : GOOD.split("\n")) {
                if (random.nextInt(3) == 0) {
                    log.append(Mutations.mutate(line, random)).append('\n');
                } else {
                    leakIntact |= line.contains("Leaky");
                    log.append(line).append('\n');
                }
                for (int extra = random.nextInt(3); extra > 0; extra--) {
                    log.append(Mutations.mutate(GOOD.split("\n")[random.nextInt(3)], random)).append('\n');
                }
            }
            byte[] bytes = log.toString().getBytes(StandardCharsets.ISO_8859_1);
            String name = "fuzz" + n + ".log";
            String path = file(name, bytes);
            Cli run = Cli.run("leaks", "--json", path).isClean(name + "\n" + log);
            Cli.run("leaks", path).isClean(name + " as text\n" + log);
            assertThat(run.exit()).as(name + "\n" + log + run).isIn(0, 2);
            if (leakIntact) {
                // Only the exit code: a damaged copy with the same id may legitimately replace the line.
                assertThat(run.exit()).as("an intact line was read: " + name + "\n" + log + run).isZero();
            }
        }
    }

    @Test
    void diffAndReportSurviveGarbageToo() throws IOException {
        byte[] garbage = new byte[5000];
        new Random(3).nextBytes(garbage);
        String good = file("good.log", GOOD);
        String bad = file("bad.log", garbage);
        Cli diff = Cli.run("diff", good, bad).isClean("diff with garbage");
        assertThat(diff.exit()).isEqualTo(2);
        assertThat(diff.err()).contains("bad.log");
        Cli report = Cli.run("report", bad, "-o", dir.resolve("r.html").toString()).isClean("report with garbage");
        assertThat(report.exit()).isEqualTo(2);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}

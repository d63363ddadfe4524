package dev.leaktrace.analyser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.analyser.output.JsonOutput;
import dev.leaktrace.analyser.output.LeaksJson;
import dev.leaktrace.analyser.output.ProblemsText;
import dev.leaktrace.analyser.read.LineReader;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.read.PipelinedReader;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.StrictModeException;
import dev.leaktrace.analyser.result.Timeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reading on two threads must give exactly what reading on one gives: every number, group, trend,
 * timeline sample and problem message, for any log, wherever the blocks cut its lines.
 */
class PipelinedReaderTest {
    private static final int[] BATCH_SIZES = {0, 1, 7, 64, 1000, 4096, PipelinedReader.BLOCK_SIZE};

    /** Everything an analysis says, as text. */
    private static String fingerprint(Analysis analysis) {
        StringBuilder text = new StringBuilder(JsonOutput.format(LeaksJson.of(analysis)));
        text.append('\n').append(ProblemsText.of(analysis.problems()));
        for (Timeline timeline : analysis.timelines()) {
            text.append(timeline.file()).append(Arrays.toString(timeline.ordinals()));
            for (Timeline.TypeSeries series : timeline.types()) {
                text.append(series.type()).append(Arrays.toString(series.liveBytes()));
            }
        }
        return text.toString();
    }

    private static String analyse(byte[] log, int batchSize, boolean strict, int failAfter) {
        InputStream in = new ByteArrayInputStream(log);
        if (failAfter >= 0) {
            in = new FailingStream(log, failAfter);
        }
        try {
            return fingerprint(new LogAnalyser(strict, batchSize).analyse(List.of(LogInput.of("-", in))));
        } catch (LogReadException | StrictModeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static byte[] randomLog(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = random.nextInt(400);
        long nextId = 1;
        for (int i = 0; i < lines; i++) {
            String line = switch (random.nextInt(12)) {
                case 0, 1, 2, 3 -> "@ALLOCATE T" + random.nextInt(3) + " " + random.nextInt(5000) + " s" + random.nextInt(4)
                        + ".rs:" + random.nextInt(9) + " " + (nextId++);
                case 4, 5, 6 -> "@DROP T" + random.nextInt(3) + " " + random.nextInt(5000) + " "
                        + (1 + random.nextInt((int) nextId));
                case 7 -> "@GC T1 12 " + (1 + random.nextInt((int) nextId));
                case 8 -> "2025-01-01 INFO @ALLOCATE P 5 p.rs:1 " + (nextId++) + " trailing";
                case 9 -> "@STACK " + (nextId - 1) + " a.A.m(A.java:1);b.B.n(B.java:2)";
                case 10 -> "x".repeat(random.nextInt(3000)); // longer than the small blocks
                default -> random.nextBoolean() ? "@ALLOCATE broken" : "# header @ALLOCATE T 1 f:1 1";
            };
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            if (i < lines - 1 || random.nextBoolean()) {
                out.writeBytes((random.nextInt(10) == 0 ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    @Test
    void givesWhatReadingOnOneThreadGives() {
        Random random = new Random(2024);
        for (int round = 0; round < 300; round++) {
            byte[] log = randomLog(random);
            boolean strict = random.nextInt(5) == 0;
            int failAfter = random.nextInt(4) == 0 ? random.nextInt(log.length + 1) : -1;
            String expected = analyse(log, 0, strict, failAfter);
            for (int batchSize : BATCH_SIZES) {
                assertThat(analyse(log, batchSize, strict, failAfter))
                        .as("round %d, blocks of %d, strict %s, failing after %d", round, batchSize, strict, failAfter)
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * Each file has its own reading thread, whose site keys start again at 0: the second file's
     * first site gets the key the first file gave another site, and must not be taken for it.
     */
    @Test
    void sitesOfTheNextFileAreNotTakenForThoseOfTheFileBefore() throws LogReadException {
        byte[] first = "@ALLOCATE A 10 a.rs:1 1\n@ALLOCATE B 20 b.rs:2 2\n".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "@ALLOCATE B 20 b.rs:2 1\n@ALLOCATE A 10 c.rs:3 2\n".getBytes(StandardCharsets.US_ASCII);
        String[] results = new String[2];
        int[] batchSizes = {0, PipelinedReader.BLOCK_SIZE};
        for (int i = 0; i < 2; i++) {
            Analysis analysis = new LogAnalyser(false, batchSizes[i]).analyse(List.of(
                    LogInput.of("-", new ByteArrayInputStream(first)), LogInput.of("-", new ByteArrayInputStream(second))));
            results[i] = fingerprint(analysis);
            assertThat(analysis.groups()).extracting(group -> group.type() + "@" + group.site() + "=" + group.count())
                    .containsExactlyInAnyOrder("A@a.rs:1=1", "B@b.rs:2=2", "A@c.rs:3=1");
        }
        assertThat(results[1]).isEqualTo(results[0]);
    }

    @Test
    void refusesALineLongerThanTheLimitAfterKeepingTheLinesBeforeIt() {
        byte[] line = "@ALLOCATE Kept 1 k.rs:1 1\n".getBytes(StandardCharsets.US_ASCII);
        byte[] log = Arrays.copyOf(line, line.length + LineReader.MAX_LINE + 1);
        Arrays.fill(log, line.length, log.length, (byte) 'x');
        String sequential = analyse(log, 0, false, -1);
        assertThat(sequential).contains("Kept").contains("longer than 64 MiB");
        assertThat(analyse(log, PipelinedReader.BLOCK_SIZE, false, -1)).isEqualTo(sequential);
    }

    @Test
    void aStrictFailureStopsTheReadingThread() {
        byte[] log = "@DROP T 1 5\n@ALLOCATE T 1 f:1 1\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new LogAnalyser(true, 64).analyse(List.of(LogInput.of("-", new ByteArrayInputStream(log)))))
                .isInstanceOf(StrictModeException.class).hasMessageContaining("<stdin>:1:");
    }

    /** A stream that fails with an I/O error after some bytes, as a truncated gzip does. */
    private static final class FailingStream extends InputStream {
        private final byte[] bytes;
        private final int failAt;
        private int at;

        FailingStream(byte[] bytes, int failAt) {
            this.bytes = bytes;
            this.failAt = failAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at >= failAt) {
                throw new IOException("cut at " + failAt);
            }
            int n = Math.min(len, Math.min(failAt - at, 1 + at % 97)); // uneven reads
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}

package dev.leaktrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log file: every byte arrives, in order, whatever the sizes of the writes and flushes, and
 * whatever the state of the writing thread.
 */
class FileOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesOfEverySizeWithFlushesBetweenArriveWhole() throws Exception {
        Path file = dir.resolve("out.log");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SplittableRandom random = new SplittableRandom(3);
        try (FileOutput out = new FileOutput(file)) {
            for (int i = 0; i < 300; i++) {
                // Mostly small, sometimes larger than the buffer: a page boundary falls anywhere.
                byte[] piece = new byte[random.nextInt(10) == 0 ? random.nextInt(3 << 20) : random.nextInt(20_000)];
                random.nextBytes(piece);
                out.write(piece, 0, piece.length);
                expected.write(piece);
                if (random.nextInt(7) == 0) {
                    out.flush();
                    assertThat(Files.size(file)).as("a flush writes everything so far").isEqualTo(expected.size());
                }
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void anInterruptedThreadWritesAndStaysInterrupted() throws Exception {
        Path file = dir.resolve("interrupted.log");
        byte[] piece = new byte[3 << 20];
        new SplittableRandom(5).nextBytes(piece);
        Thread.currentThread().interrupt();
        try (FileOutput out = new FileOutput(file)) {
            out.write(piece, 0, piece.length);
            out.flush();
            out.write(piece, 0, 10);
        } finally {
            assertThat(Thread.interrupted()).as("the thread's interrupt is left as it was").isTrue();
        }
        byte[] written = Files.readAllBytes(file);
        assertThat(written).hasSize(piece.length + 10);
        assertThat(Arrays.copyOf(written, piece.length)).isEqualTo(piece);
    }

    @Test
    void anExistingFileIsReplaced() throws Exception {
        Path file = dir.resolve("old.log");
        Files.writeString(file, "an older run's lines that are longer\n");
        try (FileOutput out = new FileOutput(file)) {
            out.write("new\n".getBytes(), 0, 4);
        }
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }
}

package dev.leaktrace.bench.survivors;

import dev.leaktrace.bench.tracked.TrackedResource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log's growth under {@code log: survivors} at a steady rate of short-lived objects:
 * {@code OutputRateProbe LOG SECONDS RATE} makes RATE objects a second (each closed at once, no
 * leak) for SECONDS seconds, then prints how many it made and how fast the log grew.
 */
public final class OutputRateProbe {
    private OutputRateProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        long rate = Long.parseLong(args[2]);
        long made = 0;
        long start = System.nanoTime();
        long sizeAtStart = Files.exists(log) ? Files.size(log) : 0;
        for (int s = 0; s < seconds; s++) {
            long secondEnd = start + (s + 1) * 1_000_000_000L;
            for (long i = 0; i < rate; i++) {
                try (TrackedResource r = new TrackedResource((int) i)) {
                    r.use((int) i);
                }
                made++;
            }
            while (System.nanoTime() < secondEnd) {
                Thread.sleep(1);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Thread.sleep(300); // one periodic flush of the writer
        long grown = Files.size(log) - sizeAtStart;
        System.out.printf("objects=%d seconds=%.1f rate=%.0f/s logBytes=%d bytesPerSecond=%.0f%n", made, elapsed,
                made / elapsed, grown, grown / elapsed);
    }
}

package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.RunResult;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 16 threads creating and closing 250,000 traced objects each: exactly 4,000,000 allocations and
 * as many drops, every id unique, every line well-formed, every drop after its allocation. About
 * 0.3 GB of log, read line by line, so it runs on the build's JDK only.
 */
class SixteenThreadsIT {
    static final int THREADS = 16;
    static final int PER_THREAD = 250_000;

    @Test
    void exactCountsUniqueIdsWholeLines() throws Exception {
        JvmRun run = JvmRun.on(Jdk.current()).main("fixtures.reliability.Threads")
                .agent("types:\n  - class: fixtures.reliability.Tracked\n    size: 16\n");
        try {
            RunResult r = run.timeout(Duration.ofSeconds(300)).run("" + THREADS, "" + PER_THREAD);
            assertThat(r.exit()).as(r.stderr()).isZero();

            long allocations = 0;
            long drops = 0;
            BitSet allocated = new BitSet();
            BitSet dropped = new BitSet();
            List<String> problems = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(run.log(), StandardCharsets.ISO_8859_1)) {
                String line;
                while ((line = in.readLine()) != null && problems.size() < 5) {
                    if (line.startsWith("#") || line.startsWith("@TIME ")) {
                        continue;
                    }
                    if (!Event.wellFormed(line)) {
                        problems.add("torn: " + line);
                        continue;
                    }
                    int id = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                    if (line.startsWith("@ALLOCATE")) {
                        allocations++;
                        if (allocated.get(id)) {
                            problems.add("id allocated twice: " + line);
                        }
                        allocated.set(id);
                    } else {
                        drops++;
                        if (!allocated.get(id) || dropped.get(id)) {
                            problems.add("drop before its allocation, or twice: " + line);
                        }
                        dropped.set(id);
                    }
                }
            }
            assertThat(problems).isEmpty();
            assertThat(allocations).isEqualTo((long) THREADS * PER_THREAD);
            assertThat(drops).isEqualTo((long) THREADS * PER_THREAD);
        } finally {
            Files.deleteIfExists(run.log()); // half a gigabyte of temp space
        }
    }
}

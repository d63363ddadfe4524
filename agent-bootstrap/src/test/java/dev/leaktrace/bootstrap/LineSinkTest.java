package dev.leaktrace.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The sink on its own: whole lines, each once, a drop after its allocation, whatever the threads. */
class LineSinkTest {
    private static final TypeInfo TYPE = new TypeInfo("t.Res", o -> 24, o -> 24, "24", false, 0);
    private static final byte[] SITE = LineFormat.typeToken("t/Main.java:7");

    /** A stream that is slow now and then, so that hand-overs queue up behind the writer. */
    private static final class SlowStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            if (++writes % 50 == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.US_ASCII);
        }
    }

    /** An object of {@link #TYPE} with id {@code id}, whose @ALLOCATE line {@code sink} has. */
    private static TrackedRef allocated(LineSink sink, long id) {
        TrackedRef ref = new TrackedRef(new Object(), null, TYPE);
        ref.site = SITE;
        ref.id = id;
        ref.size = 24;
        sink.allocate(new ThreadState(), ref, TYPE.nameBytes, null);
        return ref;
    }

    @Test
    void theExitFlushFirstRunsTheRecordersLastWorkAndWritesItsLines() {
        SlowStream out = new SlowStream();
        LineSink sink = new LineSink(out, "test");
        sink.start();
        TrackedRef ref = allocated(sink, 7);
        // As the recorder does at exit: an object the GC collected, reported by the exiting thread.
        sink.beforeExit(() -> sink.release(new ThreadState(), ref, LineFormat.GC));

        sink.closeForExit();

        assertThat(out.text()).isEqualTo("@ALLOCATE t.Res 24 t/Main.java:7 7\n@GC t.Res 24 7\n");
    }

    @Test
    void timeMarksAreWrittenByTheWriterAtItsStartAndAtExitInMillisSinceTheJvmStarted() throws Exception {
        SlowStream out = new SlowStream();
        LineSink sink = new LineSink(out, "test");
        long started = System.nanoTime() - 5_000_000_000L;
        sink.writeTimeMarks(() -> started); // a JVM that started 5 s ago
        sink.start();
        long waited = System.nanoTime();
        while (!out.text().startsWith("@TIME ") && System.nanoTime() - waited < 30_000_000_000L) {
            Thread.sleep(1); // for the writer's first mark, written when its thread runs
        }
        allocated(sink, 9);

        sink.closeForExit();

        String[] lines = out.text().split("\n");
        assertThat(lines[0]).startsWith("@TIME ");
        assertThat(lines[lines.length - 1]).startsWith("@TIME ");
        assertThat(out.text()).contains("@ALLOCATE t.Res 24 t/Main.java:7 9\n");
        long first = Long.parseLong(lines[0].substring(6));
        long last = Long.parseLong(lines[lines.length - 1].substring(6));
        assertThat(first).isBetween(5_000L, 60_000L);
        assertThat(last).isGreaterThanOrEqualTo(first);
    }

    @Test
    void aFailingExitTaskDoesNotKeepTheLinesFromBeingWritten() {
        SlowStream out = new SlowStream();
        LineSink sink = new LineSink(out, "test");
        sink.start();
        allocated(sink, 8);
        sink.beforeExit(() -> {
            throw new IllegalStateException("boom");
        });

        sink.closeForExit();

        assertThat(out.text()).isEqualTo("@ALLOCATE t.Res 24 t/Main.java:7 8\n");
    }

    @Test
    void threadsDroppingEachOthersObjectsGetEveryLineOnceAndDropsAfterAllocations() throws Exception {
        SlowStream out = new SlowStream();
        LineSink sink = new LineSink(out, "test");
        sink.start();
        int threads = 4;
        int perThread = 50_000;
        // Each thread drops the objects its neighbour allocated, through a shared array.
        TrackedRef[][] made = new TrackedRef[threads][perThread];
        CountDownLatch allocated = new CountDownLatch(threads);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            workers[t] = new Thread(() -> {
                ThreadState state = new ThreadState();
                for (int i = 0; i < perThread; i++) {
                    TrackedRef ref = new TrackedRef(new Object(), null, TYPE);
                    ref.site = SITE;
                    ref.id = (long) me * perThread + i + 1;
                    ref.size = 24;
                    sink.allocate(state, ref, TYPE.nameBytes, null);
                    made[me][i] = ref;
                }
                allocated.countDown();
                try {
                    allocated.await();
                } catch (InterruptedException e) {
                    return;
                }
                TrackedRef[] neighbours = made[(me + 1) % threads];
                for (TrackedRef ref : neighbours) {
                    sink.release(state, ref, LineFormat.DROP);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        sink.closeForExit();

        String[] lines = out.text().split("\n", -1);
        assertThat(lines[lines.length - 1]).as("ends with a newline").isEmpty();
        Map<Long, Integer> allocationLine = new HashMap<>();
        Map<Long, Integer> dropLine = new HashMap<>();
        for (int n = 0; n < lines.length - 1; n++) {
            String[] f = lines[n].split(" ");
            if (f[0].equals("@ALLOCATE")) {
                assertThat(f).hasSize(5);
                assertThat(f[1] + " " + f[2] + " " + f[3]).isEqualTo("t.Res 24 t/Main.java:7");
                assertThat(allocationLine.put(Long.parseLong(f[4]), n)).as("allocated once").isNull();
            } else {
                assertThat(f).hasSize(4);
                assertThat(f[0] + " " + f[1] + " " + f[2]).isEqualTo("@DROP t.Res 24");
                assertThat(dropLine.put(Long.parseLong(f[3]), n)).as("dropped once").isNull();
            }
        }
        assertThat(allocationLine).hasSize(threads * perThread);
        assertThat(dropLine).hasSize(threads * perThread);
        dropLine.forEach((id, line) -> assertThat(allocationLine.get(id)).as("id %d", id).isLessThan(line));
    }

    @Test
    void linesPublishedWhileTheExitFlushRunsAreAllWritten() throws Exception {
        SlowStream out = new SlowStream();
        LineSink sink = new LineSink(out, "test");
        sink.start();
        AtomicBoolean stop = new AtomicBoolean();
        long[] counts = new long[2];
        Thread[] workers = new Thread[counts.length];
        for (int t = 0; t < workers.length; t++) {
            int me = t;
            workers[t] = new Thread(() -> {
                ThreadState state = new ThreadState();
                while (!stop.get()) {
                    TrackedRef ref = new TrackedRef(new Object(), null, TYPE);
                    ref.site = SITE;
                    ref.id = (long) me << 40 | (counts[me] + 1);
                    ref.size = 24;
                    sink.allocate(state, ref, TYPE.nameBytes, null);
                    counts[me]++;
                }
            });
            workers[t].start();
        }
        Thread.sleep(20);
        // The exit begins while both threads publish lines; they go on for a while after it.
        sink.closeForExit();
        Thread.sleep(10);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        long lines = out.text().chars().filter(c -> c == '\n').count();
        assertThat(lines).isEqualTo(counts[0] + counts[1]);
    }

    @Test
    void aFlushWritesWhatWasHandedOverAndWhatIsStillBuffered() {
        SlowStream out = new SlowStream();
        LineSink sink = new LineSink(out, "test");
        sink.start();
        ThreadState state = new ThreadState();
        for (int i = 1; i <= 10_000; i++) {
            TrackedRef ref = new TrackedRef(new Object(), null, TYPE);
            ref.site = SITE;
            ref.id = i;
            sink.allocate(state, ref, TYPE.nameBytes, null);
        }
        sink.flush();
        String text = out.text();
        assertThat(text.split("\n")).hasSize(10_000);
        assertThat(text).endsWith(" 10000\n");
    }
}

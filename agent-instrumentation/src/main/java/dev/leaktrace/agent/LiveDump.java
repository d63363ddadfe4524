package dev.leaktrace.agent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Method;
import dev.leaktrace.agent.heap.HeapDumper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Answers {@code leaktrace dump PID}: the dump command attaches with {@code dump=FILE} and this
 * writes the objects alive right now as @ALLOCATE lines with their original ids, after a '#'
 * header, so the analyser reads a dump like a log. It reaches the recorder through
 * {@link RecorderProbe}.
 */
final class LiveDump {
    /** The objects alive now, as they are: the GC may not have collected those no longer reachable. */
    static final String ARGUMENT = "dump=";
    /** A full GC first (its collections reported as such), so that only what is reachable is dumped. */
    static final String AFTER_GC = "dump-after-gc=";
    /** A heap dump of the JVM in FILE.hprof (its own full GC first), for paths from GC roots. */
    static final String WITH_HEAP = "dump-with-heap=";
    /** How long the GC before a dump may take, at most. */
    private static final long GC_MILLIS = 5000;
    /** Asks whether this JVM is traced: the answer is "traced" or "untraced". */
    static final String STATUS = "status=";
    private static final String NOT_TRACED = "# leaktrace dump: this JVM is not traced\n";

    private LiveDump() {
    }

    static void writeStatus(String file) {
        try {
            Files.writeString(Path.of(file), RecorderProbe.isStarted() ? "traced\n" : "untraced\n");
        } catch (Exception e) {
            System.err.println("leaktrace: cannot answer a status request in " + file + ": " + e);
        }
    }

    static void write(String file, boolean collectFirst, boolean withHeap) {
        Path target = Path.of(file);
        try {
            if (!RecorderProbe.isStarted()) {
                Files.writeString(target, NOT_TRACED);
                return;
            }
            Class<?> queries = RecorderProbe.queries();
            String heapLine = "";
            if (withHeap) {
                // Its own full GC is the one the dump runs first: one pause, the JVM's own. Before
                // the snapshot, so that every object in the heap dump is in the dump's lines too.
                HeapDumper.dump(Path.of(file + ".hprof"), true);
                queries.getMethod("reportCollected").invoke(null);
                heapLine = " reference-size=" + HeapDumper.referenceSize();
            } else if (collectFirst) {
                queries.getMethod("collectGarbage", long.class).invoke(null, GC_MILLIS);
            }
            Method live = queries.getMethod("liveObjects", long.class);
            List<?> objects = (List<?>) live.invoke(null, 0L);
            // After the snapshot: every dumped object's @ALLOCATE line is then in the log too.
            queries.getMethod("flush").invoke(null);
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                out.write("# leaktrace dump pid=" + ProcessId.current() + " time=" + Instant.now()
                        + " live=" + objects.size() + heapLine + "\n");
                for (Object o : objects) {
                    out.write((String) o.getClass().getMethod("allocateLine").invoke(o));
                    out.write('\n');
                }
            }
        } catch (Exception e) {
            System.err.println("leaktrace: cannot write the dump to " + file + ": " + e);
        }
    }
}

package dev.leaktrace.agent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Method;
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
    static final String ARGUMENT = "dump=";
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

    static void write(String file) {
        Path target = Path.of(file);
        try {
            if (!RecorderProbe.isStarted()) {
                Files.writeString(target, NOT_TRACED);
                return;
            }
            Class<?> queries = RecorderProbe.queries();
            Method live = queries.getMethod("liveObjects", long.class);
            List<?> objects = (List<?>) live.invoke(null, 0L);
            // After the snapshot: every dumped object's @ALLOCATE line is then in the log too.
            queries.getMethod("flush").invoke(null);
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                out.write("# leaktrace dump pid=" + ProcessId.current() + " time=" + Instant.now()
                        + " live=" + objects.size() + "\n");
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

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
 * header, so the analyser reads a dump like a log. Reflection, because this class is loaded by
 * the application class loader and must not load the bootstrap package before it is injected.
 */
final class LiveDump {
    static final String ARGUMENT = "dump=";
    /** Asks whether this JVM is traced: the answer is "traced" or "untraced". */
    static final String STATUS = "status=";

    private LiveDump() {
    }

    static void writeStatus(String file) {
        try {
            Files.writeString(Path.of(file), isTraced() ? "traced\n" : "untraced\n");
        } catch (Exception e) {
            System.err.println("leaktrace: cannot answer a status request in " + file + ": " + e);
        }
    }

    private static boolean isTraced() {
        try {
            Class<?> queries = Class.forName(BootstrapInjector.QUERIES, false, null);
            return (Boolean) queries.getMethod("isStarted").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    static void write(String file) {
        Path target = Path.of(file);
        try {
            Class<?> queries = Class.forName(BootstrapInjector.QUERIES, false, null);
            if (!(Boolean) queries.getMethod("isStarted").invoke(null)) {
                Files.writeString(target, "# leaktrace dump: this JVM is not traced\n");
                return;
            }
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
        } catch (ClassNotFoundException notTraced) {
            try {
                Files.writeString(target, "# leaktrace dump: this JVM is not traced\n");
            } catch (IOException ignored) {
                // the dump command reports the missing file
            }
        } catch (Exception e) {
            System.err.println("leaktrace: cannot write the dump to " + file + ": " + e);
        }
    }
}

package dev.leaktrace.agent.heap;

import dev.leaktrace.bootstrap.RecorderQueries;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code paths: N} at exit: a heap dump, analysed in a JVM of its own, adds what holds each leaked
 * group to the log (the lines of {@code leaktrace paths}), after every @ALLOCATE they name. The
 * exit waits for it. The dump runs no GC: what the log calls alive at exit stays as it would be
 * without paths, and garbage not collected yet is told apart by the analysis (no strong path).
 */
public final class ExitPaths implements Runnable {
    private final int examples;

    public ExitPaths(int examples) {
        this.examples = examples;
    }

    /** What it may add to the exit's wait: the analysis's limit, and as long again for the heap dump. */
    public static long mayTakeMillis() {
        return 2 * PathAnalysis.TIMEOUT_MINUTES * 60_000;
    }

    @Override
    public void run() {
        RecorderQueries.runUntraced(new Runnable() {
            @Override
            public void run() {
                dumpAndAnalyse();
            }
        });
    }

    private void dumpAndAnalyse() {
        Path folder = null;
        Path file = null;
        try {
            folder = HeapDumper.privateFolder();
            file = folder.resolve("heap.hprof");
            HeapDumper.dump(file, false);
            // Every object in the dump now has its @ALLOCATE in the log, before the lines about it.
            RecorderQueries.flush();
            List<String> lines = PathAnalysis.run(file, examples, HeapDumper.referenceSize());
            for (String line : lines) {
                RecorderQueries.writeLine(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            System.err.println("leaktrace: no paths from GC roots at exit: " + e);
        } finally {
            if (file != null) {
                HeapDumper.delete(folder, file);
            }
        }
    }
}

package dev.leaktrace.agent.heap;

import dev.leaktrace.bootstrap.RecorderQueries;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code paths: N} at exit: after the last collections are reported, a heap dump of what is still
 * alive, analysed in a JVM of its own, adds what holds each leaked group to the log (the lines of
 * {@code leaktrace paths}), after every @ALLOCATE they name. The exit waits for it.
 */
public final class ExitPaths implements Runnable {
    private final int examples;

    public ExitPaths(int examples) {
        this.examples = examples;
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
            // Collections found now are reported as such, not left for the dump to drop silently.
            RecorderQueries.collectGarbage(2000);
            folder = HeapDumper.privateFolder();
            file = folder.resolve("heap.hprof");
            HeapDumper.dump(file);
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

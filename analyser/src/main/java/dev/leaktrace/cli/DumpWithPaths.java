package dev.leaktrace.cli;

import dev.leaktrace.analyser.heap.HeapPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code dump --paths}: the traced JVM runs a full GC and writes a heap dump beside its answer, in
 * a folder only this user reads; the dump is analysed here, in this JVM, and its lines follow the
 * answer's @ALLOCATE lines. The traced JVM only pauses for its own heap dump.
 */
final class DumpWithPaths {
    private DumpWithPaths() {
    }

    static String take(String pid, int examples, PrintWriter err) throws CommandFailure {
        Path folder;
        try {
            folder = Files.createTempDirectory("leaktrace-dump-");
        } catch (IOException e) {
            throw new CommandFailure("cannot create a temporary folder: " + e.getMessage());
        }
        Path answer = folder.resolve("dump.txt");
        Path heap = folder.resolve("dump.txt.hprof");
        try {
            String dump = Attacher.askInto(pid, "dump-with-heap", answer);
            if (!dump.startsWith("# leaktrace dump pid=")) {
                return dump;
            }
            if (!Files.exists(heap)) {
                throw new CommandFailure("process " + pid + " wrote no heap dump (see its stderr for 'leaktrace:' lines)");
            }
            StringWriter lines = new StringWriter();
            try (PrintWriter out = new PrintWriter(lines)) {
                HeapPaths.write(heap.toFile(), examples, !dump.lines().findFirst().orElse("").contains("reference-size=8"), out);
            } catch (Exception | OutOfMemoryError e) {
                throw new CommandFailure("cannot read the heap dump of process " + pid + ": " + e);
            }
            return dump + alive(dump, lines.toString());
        } finally {
            for (Path p : new Path[] {heap, answer, folder}) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    err.println("leaktrace: cannot delete " + p + " (" + e.getMessage() + "); delete it by hand.");
                }
            }
        }
    }

    /**
     * The heap lines of objects still in the dump's lines (one released between the two is left
     * out), and every @REACHABLE line, which names its group itself.
     */
    private static String alive(String dump, String heapLines) {
        Set<String> ids = new HashSet<>();
        dump.lines().filter(l -> l.startsWith("@ALLOCATE ")).forEach(l -> ids.add(l.substring(l.lastIndexOf(' ') + 1)));
        StringBuilder kept = new StringBuilder();
        heapLines.lines().forEach(l -> {
            String[] words = l.split(" ", 3);
            if (words.length >= 2 && (ids.contains(words[1]) || words[0].equals("@REACHABLE"))) {
                kept.append(l).append('\n');
            }
        });
        return kept.toString();
    }
}

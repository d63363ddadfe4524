package dev.leaktrace.cli;

import dev.leaktrace.analyser.heap.HeapPaths;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "paths",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints what holds the traced objects in a heap dump (.hprof) of a traced JVM.",
            "Per group (type and site): a @RETAINED line, its @HOLDER lines, and a @PATH from a GC root for",
            "up to --examples objects. Append them to the JVM's log or dump; leaks shows them under each group."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:read", "2:the dump could not be read"})
final class PathsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HEAP_DUMP", description = "An .hprof file, e.g. from 'jcmd PID GC.heap_dump FILE'.")
    Path heapDump;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "3",
            description = "Objects per group that get a @PATH line (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--reference-size", paramLabel = "BYTES", defaultValue = "4",
            description = "The dumped JVM's reference size: 4 with compressed oops (the default below 32 GB of heap), or 8.")
    int referenceSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (referenceSize != 4 && referenceSize != 8) {
            err.println("leaktrace: --reference-size is 4 or 8, not " + referenceSize + ".");
            return ExitCodes.USAGE;
        }
        if (examples < 0) {
            err.println("leaktrace: --examples is a number of objects, 0 or more, not " + examples + ".");
            return ExitCodes.USAGE;
        }
        if (!Files.isReadable(heapDump)) {
            err.println("leaktrace: cannot read the heap dump " + heapDump + ".");
            return ExitCodes.USAGE;
        }
        try {
            long start = System.nanoTime();
            HeapPaths.Summary summary = HeapPaths.write(heapDump.toFile(), examples, referenceSize == 4, out);
            if (summary.traced() == 0) {
                err.println("leaktrace: " + heapDump + " holds no traced object (was the JVM traced?).");
            }
            err.printf("leaktrace: %s: %,d objects, %,d traced in %d groups, %d paths, in %.1f s (%.1f s reading)%n",
                    heapDump, summary.objects(), summary.traced(), summary.groups(), summary.paths(),
                    (System.nanoTime() - start) / 1e9, summary.readSeconds());
            return ExitCodes.OK;
        } catch (Exception | OutOfMemoryError e) {
            err.println("leaktrace: cannot read the heap dump " + heapDump + ": " + e);
            return ExitCodes.USAGE;
        }
    }
}

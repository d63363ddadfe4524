package dev.leaktrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Asks a traced JVM (started with -javaagent, or attached) for the objects alive right now.",
            "They are written as @ALLOCATE lines with their original ids after a '#' header, so leaks,",
            "diff and report read a dump like a log: diff two dumps taken a minute apart to see what grows.",
            "A full GC runs first, so that objects no longer reachable are not counted as alive."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:dumped", "1:the JVM is not traced (attach first)", "2:the JVM could not be attached to"})
final class DumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PID", description = "Process id of the traced JVM.")
    String pid;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the dump here instead of stdout.")
    Path output;

    @Option(names = "--no-gc", description = "Dump without a full GC first: objects not collected yet count as alive.")
    boolean noGc;

    @Option(names = "--paths", paramLabel = "N", arity = "0..1", fallbackValue = "3",
            description = {"Also take a heap dump of the JVM (it pauses for it) and add what holds each group:",
                "retained size, holders, and a path from a GC root for N objects per group (default 3)."})
    Integer paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (paths != null && paths < 0) {
                err.println("leaktrace: --paths is a number of objects per group, 0 or more, not " + paths + ".");
                return ExitCodes.USAGE;
            }
            String dump = paths != null ? DumpWithPaths.take(pid, paths, err)
                    : Attacher.ask(pid, noGc ? "dump" : "dump-after-gc");
            if (!dump.startsWith("# leaktrace dump pid=")) {
                err.println("leaktrace: process " + pid + " is not traced: start it with -javaagent:leaktrace.jar=..."
                        + " or run 'leaktrace attach " + pid + " --config FILE' first.");
                return ExitCodes.GATE_FAILED;
            }
            if (output == null) {
                out.print(dump);
                out.flush();
            } else {
                Files.writeString(output, dump, StandardCharsets.UTF_8);
                long live = dump.lines().filter(l -> l.startsWith("@ALLOCATE")).count();
                err.println("leaktrace: " + live + " live objects of process " + pid + " written to " + output);
            }
            return ExitCodes.OK;
        } catch (CommandFailure e) {
            err.println("leaktrace: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("leaktrace: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}

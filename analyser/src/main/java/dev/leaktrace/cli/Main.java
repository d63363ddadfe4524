package dev.leaktrace.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code java -jar leaktrace.jar} entry point: a thin root command that only dispatches to its
 * subcommands. Add new commands to {@code subcommands}.
 */
@Command(
        name = "leaktrace",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Finds the allocations in leaktrace logs that were never dropped, compares runs,",
            "and attaches the agent to (or dumps) a running JVM."},
        subcommands = {LeaksCommand.class, DiffCommand.class, ReportCommand.class, AttachCommand.class,
            DumpCommand.class, PathsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private InputStream stdin = System.in;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line on the real console and returns the exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        return run(System.in, System.out, System.err, args);
    }

    /** Runs a command line with the given console streams, for tests and embedding. */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        return run(in, out, err, PlainLeaks.handles(args), args);
    }

    /** {@link #run} without the fast path of {@link PlainLeaks}; tests compare the two. */
    static int runWithPicocli(InputStream in, PrintStream out, PrintStream err, String... args) {
        return run(in, out, err, false, args);
    }

    private static int run(InputStream in, PrintStream out, PrintStream err, boolean plain, String[] args) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            if (plain) {
                return PlainLeaks.run(in, outWriter, errWriter, args);
            }
            Main main = new Main();
            main.stdin = in;
            return new CommandLine(main)
                    .setOut(outWriter)
                    .setErr(errWriter)
                    .setExecutionExceptionHandler(new ErrorHandlers.Execution())
                    .setParameterExceptionHandler(new ErrorHandlers.Parameters())
                    .execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Standard input, for commands that read {@code -}. */
    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        commandLine.getErr().println("leaktrace: missing command; choose one of "
                + String.join(", ", commandLine.getSubcommands().keySet()));
        commandLine.usage(commandLine.getErr());
        return ExitCodes.USAGE;
    }
}

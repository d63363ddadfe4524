package dev.leaktrace.cli;

import dev.leaktrace.analyser.read.LogInput;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The picocli front end of {@code leaks}: its options and help; the work is {@link Leaks}. */
@Command(
        name = "leaks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the allocations that were never dropped, by type and site, largest first.",
            "Each LOG is its own run (its own id space); '-' reads standard input; .gz is decompressed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no gate failed",
            "1:--fail-on-leak found a leak, or --budget was exceeded",
            "2:usage error, unreadable log or budget, or bad input with --strict"
        })
final class LeaksCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files, '-' for standard input.")
    List<String> logs;

    @Option(names = "--json", description = "Print JSON (the format is documented and stable).")
    boolean json;

    @Option(names = "--fail-on-leak", description = "Exit 1 if anything leaked or was collected without a drop.")
    boolean failOnLeak;

    @Option(names = "--budget", paramLabel = "FILE",
            description = "YAML file of allowed leaks per type (and site); exit 1 listing every breach.")
    Path budgetFile;

    @Option(names = "--collapsed", paramLabel = "FILE",
            description = {"Also write the leaked bytes per call stack in the collapsed-stack format of "
                    + "flamegraph.pl and speedscope; '-' writes only that to standard output."})
    String collapsed;

    @Mixin
    InputOptions input;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (LogInput.STDIN.equals(collapsed) && json) {
            throw new ParameterException(spec.commandLine(),
                    "--json and --collapsed - both write to standard output; give --collapsed a file name");
        }
        return new Leaks(logs, json, failOnLeak, budgetFile, collapsed, input.strict)
                .run(main.stdin(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}

package dev.leaktrace.cli;

import dev.leaktrace.analyser.budget.Budget;
import dev.leaktrace.analyser.budget.BudgetBreach;
import dev.leaktrace.analyser.budget.BudgetCheck;
import dev.leaktrace.analyser.budget.BudgetParser;
import dev.leaktrace.analyser.output.ByteUnits;
import dev.leaktrace.analyser.output.CollapsedStacks;
import dev.leaktrace.analyser.output.JsonOutput;
import dev.leaktrace.analyser.output.LeaksJson;
import dev.leaktrace.analyser.output.LeaksText;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.result.Analysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean collapsedToStdout = LogInput.STDIN.equals(collapsed);
        if (collapsedToStdout && json) {
            throw new ParameterException(spec.commandLine(),
                    "--json and --collapsed - both write to standard output; give --collapsed a file name");
        }
        Budget budget = budgetFile == null ? null : BudgetParser.read(budgetFile); // fail before a long analysis
        Analysis analysis = input.analyse(logs, main.stdin(), err);
        if (collapsedToStdout) {
            out.print(CollapsedStacks.of(analysis));
        } else {
            if (collapsed != null) {
                write(Path.of(collapsed), CollapsedStacks.of(analysis));
            }
            out.print(json ? JsonOutput.format(LeaksJson.of(analysis)) + "\n" : LeaksText.of(analysis));
        }
        out.flush();

        int exit = ExitCodes.OK;
        if (failOnLeak && (analysis.leakedCount() > 0 || analysis.collectedWithoutDrop() > 0)) {
            err.println("leaktrace: --fail-on-leak: " + analysis.leakedCount() + " objects leaked ("
                    + ByteUnits.human(analysis.leakedBytes()) + "), " + analysis.collectedWithoutDrop()
                    + " collected without a drop");
            exit = ExitCodes.GATE_FAILED;
        }
        if (budget != null) {
            List<BudgetBreach> breaches = BudgetCheck.breaches(budget, analysis);
            if (!breaches.isEmpty()) {
                err.println("leaktrace: over budget (" + budgetFile + "), " + breaches.size() + " breach"
                        + (breaches.size() == 1 ? "" : "es") + ":");
                breaches.forEach(breach -> err.println("  " + breach.message()));
                exit = ExitCodes.GATE_FAILED;
            }
        }
        return exit;
    }

    private static void write(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package dev.leaktrace.cli;

import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.output.DiffJson;
import dev.leaktrace.analyser.output.DiffText;
import dev.leaktrace.analyser.output.JsonOutput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.result.Analysis;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compares the leaks of a run before a fix with a run after it, per type and per site.",
            "Each gets a verdict: fixed, improved, unchanged, worse or new. Sites whose line moved are",
            "matched to the nearest line of the same type and file."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no gate failed",
            "1:--fail-on-regression found something worse or new",
            "2:usage error, unreadable log, or bad input with --strict"
        })
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BEFORE", description = "Log of the run before the fix ('-' for stdin).")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "Log of the run after the fix ('-' for stdin).")
    String after;

    @Option(names = "--json", description = "Print JSON (the format is documented and stable).")
    boolean json;

    @Option(names = "--fail-on-regression", description = "Exit 1 if any type or site is worse or new.")
    boolean failOnRegression;

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
        if (before.equals("-") && after.equals("-")) {
            throw new LogReadException("only one of BEFORE and AFTER can be '-'");
        }
        Analysis beforeRun = input.analyse(List.of(before), main.stdin(), err);
        Analysis afterRun = input.analyse(List.of(after), main.stdin(), err);
        LeakDiff diff = LeakDiff.compare(beforeRun, afterRun);
        out.print(json ? JsonOutput.format(DiffJson.of(diff)) + "\n"
                : DiffText.of(diff, beforeRun.files().get(0), afterRun.files().get(0)));
        out.flush();
        if (failOnRegression && diff.hasRegression()) {
            long count = diff.types().stream().filter(t -> t.verdict().isRegression()).count()
                    + diff.sites().stream().filter(s -> s.verdict().isRegression()).count();
            err.println("leaktrace: --fail-on-regression: " + count + " types or sites are worse or new");
            return ExitCodes.GATE_FAILED;
        }
        return ExitCodes.OK;
    }
}

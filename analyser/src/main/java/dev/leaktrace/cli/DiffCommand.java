package dev.leaktrace.cli;

import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.output.DiffJson;
import dev.leaktrace.analyser.output.DiffText;
import dev.leaktrace.analyser.output.JsonOutput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.result.Analysis;
import java.io.PrintWriter;
import java.util.ArrayList;
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
            "matched to the nearest line of the same type and file. Each side may be many logs (of",
            "many JVMs): --before A1.log --before A2.log --after B1.log ..."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no gate failed",
            "1:--fail-on-regression found something worse or new",
            "2:usage error, unreadable log, or bad input with --strict"
        })
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "BEFORE",
            description = "Log of the run before the fix ('-' for stdin).")
    String before;

    @Parameters(index = "1", arity = "0..1", paramLabel = "AFTER", description = "Log of the run after the fix ('-' for stdin).")
    String after;

    @Option(names = "--before", paramLabel = "LOG", description = "A log of the run before (repeatable: many JVMs' logs add up).")
    List<String> moreBefore = new ArrayList<>();

    @Option(names = "--after", paramLabel = "LOG", description = "A log of the run after (repeatable).")
    List<String> moreAfter = new ArrayList<>();

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
        List<String> befores = new ArrayList<>(moreBefore);
        List<String> afters = new ArrayList<>(moreAfter);
        if (before != null) {
            befores.add(0, before);
        }
        if (after != null) {
            afters.add(0, after);
        }
        if (befores.isEmpty() || afters.isEmpty()) {
            throw new LogReadException("diff needs logs of both runs: diff BEFORE AFTER, or --before LOG ... --after LOG ...");
        }
        if (befores.contains("-") && afters.contains("-")) {
            throw new LogReadException("only one of BEFORE and AFTER can be '-'");
        }
        Analysis beforeRun = input.analyse(befores, main.stdin(), err);
        Analysis afterRun = input.analyse(afters, main.stdin(), err);
        LeakDiff diff = LeakDiff.compare(beforeRun, afterRun);
        out.print(json ? JsonOutput.format(DiffJson.of(diff)) + "\n" : DiffText.of(diff, beforeRun, afterRun));
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

package dev.leaktrace.cli;

import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.output.HtmlReport;
import dev.leaktrace.analyser.read.LogReadException;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes one self-contained HTML report of one run, or of two runs before and after a fix.",
            "It holds the live bytes over the run per type, the leak table, the flame graph of leaked",
            "stacks and, given two logs (BEFORE AFTER), the diff between them."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the report was written",
            "2:usage error, unreadable log, bad input with --strict, or the report could not be written"
        })
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0..1", arity = "1..2", paramLabel = "LOG", description = "One log, or two: BEFORE and AFTER a fix.")
    List<String> logs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path output;

    @Mixin
    InputOptions input;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String html;
        if (logs.size() == 2) {
            if (logs.get(0).equals("-") && logs.get(1).equals("-")) {
                throw new LogReadException("only one of BEFORE and AFTER can be '-'");
            }
            Analysis before = input.analyse(List.of(logs.get(0)), main.stdin(), err);
            Analysis after = input.analyse(List.of(logs.get(1)), main.stdin(), err);
            html = HtmlReport.of(before, after, LeakDiff.compare(before, after));
        } else {
            html = HtmlReport.of(input.analyse(logs, main.stdin(), err));
        }
        try {
            Files.writeString(output, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("Wrote " + output);
        return ExitCodes.OK;
    }
}

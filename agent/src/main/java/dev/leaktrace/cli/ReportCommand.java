package dev.leaktrace.cli;

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
        versionProvider = ManifestVersion.class,
        description = {
            "Writes one self-contained HTML file: live bytes over the run per type, the leak table,",
            "and, given two logs (BEFORE AFTER), the diff between them."
        })
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "LOG", description = "One log, or two: BEFORE and AFTER a fix.")
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
        return ExitCodes.USAGE; // written in the next step
    }
}

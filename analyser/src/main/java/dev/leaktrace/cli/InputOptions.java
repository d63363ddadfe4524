package dev.leaktrace.cli;

import dev.leaktrace.analyser.LogAnalyser;
import dev.leaktrace.analyser.output.ProblemsText;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LogSource;
import dev.leaktrace.analyser.result.Timeline;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How logs are read; shared by every command that analyses logs. */
final class InputOptions {
    @Option(names = "--strict", description = "Make bad input fatal (exit 2) instead of counting it and going on.")
    boolean strict;

    /** {@link #analyse(List, boolean, InputStream, PrintWriter)} as {@code --strict} says. */
    Analysis analyse(List<String> logs, InputStream stdin, PrintWriter err) throws LogReadException {
        return analyse(logs, strict, stdin, err);
    }

    /**
     * Analyses {@code logs} as one run set, prints the input problems to {@code err}, and refuses
     * input in which nothing at all could be read.
     */
    static Analysis analyse(List<String> logs, boolean strict, InputStream stdin, PrintWriter err)
            throws LogReadException {
        // Loops, not streams: the path of leaks has no lambdas, as the first ones cost start-up time
        // (docs/performance.md).
        if (logs.indexOf(LogInput.STDIN) != logs.lastIndexOf(LogInput.STDIN)) {
            throw new LogReadException("'-' (standard input) can be given only once");
        }
        List<LogInput> inputs = new ArrayList<>();
        for (String log : logs) {
            inputs.add(LogInput.of(log, stdin));
        }
        Analysis analysis = new LogAnalyser(strict).analyse(inputs);
        err.print(ProblemsText.of(analysis.problems()));
        for (LogSource source : analysis.sources()) {
            for (String entry : source.unmatchedEntries()) {
                err.println("leaktrace: " + source.file() + ": " + UnmatchedText.of(entry));
            }
        }
        List<Timeline> empty = new ArrayList<>();
        int headerOnly = 0;
        for (int i = 0; i < analysis.timelines().size(); i++) {
            Timeline timeline = analysis.timelines().get(i);
            if (timeline.events() > 0) {
                continue;
            }
            if (LogHeader.present(inputs.get(i))) {
                headerOnly++;
                err.println("leaktrace: " + timeline.file() + ": no traced objects were created (the log has only its header)");
            } else {
                empty.add(timeline);
            }
        }
        if (headerOnly == 0 && empty.size() == analysis.timelines().size()) {
            throw new LogReadException("no @ALLOCATE, @DROP or @GC lines in " + String.join(", ", logs)
                    + "; is this a leaktrace log, and was the agent attached?");
        }
        for (Timeline timeline : empty) {
            err.println("leaktrace: warning: no @ALLOCATE, @DROP or @GC lines in " + timeline.file());
        }
        return analysis;
    }
}

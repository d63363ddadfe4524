package dev.leaktrace.cli;

import dev.leaktrace.analyser.budget.Budget;
import dev.leaktrace.analyser.budget.BudgetBreach;
import dev.leaktrace.analyser.budget.BudgetCheck;
import dev.leaktrace.analyser.budget.BudgetException;
import dev.leaktrace.analyser.budget.BudgetParser;
import dev.leaktrace.analyser.output.ByteUnits;
import dev.leaktrace.analyser.output.CollapsedStacks;
import dev.leaktrace.analyser.output.Counted;
import dev.leaktrace.analyser.output.JsonOutput;
import dev.leaktrace.analyser.output.LeaksJson;
import dev.leaktrace.analyser.output.LeaksText;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.result.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code leaks} does once its command line is read, by picocli ({@link LeaksCommand}) or, for
 * a plain {@code leaks LOG...}, by {@link PlainLeaks}.
 *
 * @param budgetFile the {@code --budget} file, or null
 * @param collapsed the {@code --collapsed} file, {@code -} for standard output only, or null
 */
record Leaks(List<String> logs, boolean json, boolean failOnLeak, Path budgetFile, String collapsed, boolean strict) {

    /** The {@code leaks} of a command line without options. */
    static Leaks of(List<String> logs) {
        return new Leaks(logs, false, false, null, null, false);
    }

    /** Analyses, prints and applies the gates; returns the exit code. */
    int run(InputStream stdin, PrintWriter out, PrintWriter err) throws BudgetException, LogReadException, IOException {
        Budget budget = budgetFile == null ? null : BudgetParser.read(budgetFile); // fail before a long analysis
        Analysis analysis = InputOptions.analyse(logs, strict, stdin, err);
        if (LogInput.STDIN.equals(collapsed)) {
            out.print(CollapsedStacks.of(analysis));
        } else {
            if (collapsed != null) {
                write(Path.of(collapsed), CollapsedStacks.of(analysis));
            }
            out.print(json ? JsonOutput.format(LeaksJson.of(analysis)) + "\n" : LeaksText.of(analysis));
        }
        out.flush();

        int exit = ExitCodes.OK;
        ExpectedLeaks expected = ExpectedLeaks.of(budget, analysis);
        if (!expected.isEmpty()) {
            err.println("leaktrace: " + expected.describe());
        }
        long leaked = analysis.leakedCount() - expected.count();
        if (failOnLeak && (leaked > 0 || analysis.collectedWithoutDrop() > 0)) {
            err.println("leaktrace: --fail-on-leak: " + Counted.of(leaked, "object") + " leaked ("
                    + ByteUnits.human(analysis.leakedBytes() - expected.bytes()) + "), "
                    + analysis.collectedWithoutDrop() + " collected without a drop"
                    + (expected.isEmpty() ? "" : "; the expected ones are not counted"));
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

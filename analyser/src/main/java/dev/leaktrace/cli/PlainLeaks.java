package dev.leaktrace.cli;

import dev.leaktrace.analyser.output.LeaksText;
import dev.leaktrace.analyser.result.Analysis;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * {@code leaks LOG...} without options, run without picocli.
 *
 * <p>Building picocli's model of every command and its annotations costs a third of a second of
 * class loading and reflection at each start, more than analysing a million-line log. The most
 * common command line needs none of it, so it is recognised here and run exactly as
 * {@link LeaksCommand} runs it: same analysis, output, messages and exit codes. Anything else (an
 * option, {@code --help}, an {@code @file} argument that picocli would expand) goes to picocli.
 */
final class PlainLeaks {
    private PlainLeaks() {
    }

    /** Whether {@code args} is {@code leaks} followed only by log paths (or {@code -}). */
    static boolean handles(String[] args) {
        if (args.length < 2 || !"leaks".equals(args[0])) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.startsWith("-") && !arg.equals("-") || arg.startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /** What {@link LeaksCommand#call} and {@link ErrorHandlers.Execution} do for these arguments. */
    static int run(InputStream stdin, PrintWriter out, PrintWriter err, String[] args) {
        try {
            Analysis analysis = new InputOptions().analyse(Arrays.asList(args).subList(1, args.length), stdin, err);
            out.print(LeaksText.of(analysis));
            out.flush();
            return ExitCodes.OK;
        } catch (Exception e) {
            err.println("leaktrace: " + ErrorHandlers.message(e));
            return ExitCodes.USAGE;
        }
    }
}

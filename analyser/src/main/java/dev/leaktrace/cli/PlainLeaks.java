package dev.leaktrace.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * {@code leaks LOG...} without options, read without picocli, whose model of every command costs
 * each start more than analysing a million-line log (docs/performance.md). Only the reading of
 * the arguments differs: the work is {@link Leaks}, as for {@link LeaksCommand}, and a failure is
 * reported as picocli's handler reports it. Anything else (an option, {@code --help}, an
 * {@code @file} argument that picocli would expand) goes to picocli.
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

    /** Runs arguments that {@link #handles} took; returns the exit code. */
    static int run(InputStream stdin, PrintWriter out, PrintWriter err, String[] args) {
        try {
            return Leaks.of(Arrays.asList(args).subList(1, args.length)).run(stdin, out, err);
        } catch (Exception e) {
            return ErrorHandlers.failed(e, err);
        }
    }
}

package dev.leaktrace.bootstrap;

import java.io.PrintStream;

/** Warnings go to stderr, prefixed {@code leaktrace:}, and never disturb the host. */
public final class Warnings {
    private Warnings() {
    }

    public static void warn(String message) {
        try {
            PrintStream err = System.err;
            if (err != null) {
                err.println("leaktrace: " + message);
            }
        } catch (Throwable ignored) {
            // A broken stderr must not break the host either.
        }
    }
}

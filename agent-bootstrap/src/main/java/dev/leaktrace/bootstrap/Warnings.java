package dev.leaktrace.bootstrap;

import java.io.PrintStream;

/** Warnings go to stderr, prefixed {@code leaktrace:}, and never disturb the host. */
public final class Warnings {
    private static volatile boolean internalErrorReported;

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

    /** A failure of the agent itself inside an event: reported once, the event skipped. */
    static void internalError(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return; // the application's heap is gone, not our fault; building a message would fail too
        }
        if (!internalErrorReported) {
            internalErrorReported = true;
            try {
                warn("internal error, the event was skipped (please report): " + failure);
                if (Boolean.getBoolean("leaktrace.debug")) {
                    failure.printStackTrace();
                }
            } catch (Throwable ignored) {
                // called from catch blocks of the agent's own threads, which must not die of it
            }
        }
    }
}

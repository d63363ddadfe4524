package dev.leaktrace.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} and {@code Agent-Class}. Kept free of references to the bootstrap
 * package: those classes must be defined in the bootstrap loader before anything here loads
 * them, or the application class loader would load a second, useless copy from our jar.
 */
public final class AgentEntry {
    private AgentEntry() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        if (!answer(arguments)) {
            start(arguments, instrumentation, false);
        }
    }

    /** Answers a request of the CLI (dump, status); false when {@code arguments} is none, but an install. */
    static boolean answer(String arguments) {
        if (arguments != null && arguments.startsWith(LiveDump.ARGUMENT)) {
            LiveDump.write(arguments.substring(LiveDump.ARGUMENT.length()), false, false);
            return true;
        }
        if (arguments != null && arguments.startsWith(LiveDump.AFTER_GC)) {
            LiveDump.write(arguments.substring(LiveDump.AFTER_GC.length()), true, false);
            return true;
        }
        if (arguments != null && arguments.startsWith(LiveDump.WITH_HEAP)) {
            LiveDump.write(arguments.substring(LiveDump.WITH_HEAP.length()), true, true);
            return true;
        }
        if (arguments != null && arguments.startsWith(LiveDump.STATUS)) {
            LiveDump.writeStatus(arguments.substring(LiveDump.STATUS.length()));
            return true;
        }
        return false;
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
        StartupPreload.startInBackground();
        try {
            BootstrapInjector.inject(instrumentation);
        } catch (Throwable failure) {
            System.err.println("leaktrace: cannot start, the application runs untraced: " + failure);
            return;
        }
        AgentInstaller.install(arguments, instrumentation, atStartup);
    }
}

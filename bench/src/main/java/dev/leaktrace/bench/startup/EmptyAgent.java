package dev.leaktrace.bench.startup;

import java.lang.instrument.Instrumentation;

/**
 * An agent that does nothing (the {@code Premain-Class} of benchmarks.jar): its start-up cost is
 * what the JVM itself charges for any {@code -javaagent} (the agent jar opened, the module graph
 * resolved without the CDS archive's copy), the floor under leaktrace's own.
 */
public final class EmptyAgent {
    private EmptyAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
    }
}

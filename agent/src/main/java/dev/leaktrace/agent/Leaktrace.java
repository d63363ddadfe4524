package dev.leaktrace.agent;

import dev.leaktrace.agent.config.TraceConfig;
import dev.leaktrace.bootstrap.Recorder;
import java.lang.instrument.Instrumentation;

/**
 * Installing the agent from a program rather than with -javaagent (the JUnit extension does).
 * Call {@link #install} before touching any class of {@code dev.leaktrace.bootstrap}: that package
 * must come from the bootstrap loader.
 */
public final class Leaktrace {
    private Leaktrace() {
    }

    /**
     * Installs the agent with {@code config} unless it is installed already (by -javaagent, an
     * attach or an earlier call), in which case the installed one stays as it is.
     *
     * @return true when the agent is installed after the call
     */
    public static boolean install(Instrumentation instrumentation, TraceConfig config) {
        try {
            BootstrapInjector.inject(instrumentation);
        } catch (Throwable failure) {
            System.err.println("leaktrace: cannot start: " + failure);
            return false;
        }
        if (Recorder.isStarted()) {
            return true;
        }
        return AgentInstaller.install(config, instrumentation) || Recorder.isStarted();
    }
}

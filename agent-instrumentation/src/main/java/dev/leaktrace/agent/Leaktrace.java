package dev.leaktrace.agent;

import dev.leaktrace.agent.config.TraceConfig;
import dev.leaktrace.bootstrap.RecorderQueries;
import java.lang.instrument.Instrumentation;

/**
 * Installing the agent from a program rather than with -javaagent (the JUnit extension does).
 * The packages {@code dev.leaktrace.bootstrap} and {@code dev.leaktrace.api} must come from the
 * bootstrap loader: touch none of their classes, and parse no config, before {@link #prepare()}
 * (or {@link #install}) returned.
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
        if (RecorderQueries.isStarted()) {
            return true;
        }
        return AgentInstaller.install(config, instrumentation) || RecorderQueries.isStarted();
    }

    private static Instrumentation attached;

    /**
     * Attaches to this JVM and defines the agent's bootstrap classes, unless an agent runs already.
     * Call it before parsing a config in-process: a config names {@code dev.leaktrace.api} types,
     * which must come from the bootstrap loader.
     *
     * @return false, with a message on stderr, when this JVM allows no attach
     */
    public static synchronized boolean prepare() {
        if (attached != null || isInstalled()) {
            return true;
        }
        try {
            attached = net.bytebuddy.agent.ByteBuddyAgent.install();
            BootstrapInjector.inject(attached);
            return true;
        } catch (Throwable failure) {
            attached = null;
            System.err.println("leaktrace: cannot attach to this JVM (" + failure + "). Start it with"
                    + " -javaagent:leaktrace.jar=config=... instead, or with -Djdk.attach.allowAttachSelf=true.");
            return false;
        }
    }

    /**
     * Makes sure the config's types are traced in this JVM: installs the agent (with the config's
     * output) when it does not run yet, or adds the types to the running one. Build the config
     * after {@link #prepare()} or when the agent runs already.
     *
     * @return false when that cannot be done (no attach, or an agent of another class loader runs)
     */
    public static boolean trace(TraceConfig config) {
        if (!isInstalled()) {
            return prepare() && install(attached, config);
        }
        return AgentInstaller.addTypes(config);
    }

    /** True when the recorder runs in this JVM (started by -javaagent, an attach or {@link #install}). */
    public static boolean isInstalled() {
        return RecorderProbe.isStarted();
    }
}

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

    /**
     * Makes sure the config's types are traced in this JVM: installs the agent through a self-attach
     * when it is not there yet, or adds the types to the running one. Returns false when that
     * cannot be done (no attach mechanism, or an agent of another class loader runs).
     */
    public static boolean trace(TraceConfig config) {
        if (!isInstalled()) {
            java.lang.instrument.Instrumentation instrumentation;
            try {
                instrumentation = net.bytebuddy.agent.ByteBuddyAgent.install();
            } catch (Throwable failure) {
                System.err.println("leaktrace: cannot attach to this JVM (" + failure + "). Start it with"
                        + " -javaagent:leaktrace.jar=config=... instead, or with -Djdk.attach.allowAttachSelf=true.");
                return false;
            }
            return install(instrumentation, config);
        }
        return AgentInstaller.addTypes(config);
    }

    /** True when the recorder runs in this JVM (started by -javaagent, an attach or {@link #install}). */
    public static boolean isInstalled() {
        try {
            Class<?> recorder = Class.forName(BootstrapInjector.PROBE, false, null);
            return (Boolean) recorder.getMethod("isStarted").invoke(null);
        } catch (ReflectiveOperationException | LinkageError notYet) {
            return false;
        }
    }
}

package dev.leaktrace.agent;

import dev.leaktrace.bootstrap.JvmClock;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Map;
import java.util.Set;

/** When the JVM started, from its uptime: exact, and right for an agent attached late. */
final class JvmStart implements JvmClock {
    /** The JDK's own maker of the runtime bean, in a package java.management does not export. */
    private static final String HELPER_PACKAGE = "sun.management";
    private static final String HELPER = HELPER_PACKAGE + ".ManagementFactoryHelper";

    /** The agent's start, for when the uptime cannot be read. */
    private final long agentStart = System.nanoTime();
    private final Instrumentation instrumentation;

    JvmStart(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    @Override
    public long startNanos() {
        try {
            return System.nanoTime() - runtimeBean().getUptime() * 1_000_000;
        } catch (Throwable unavailable) {
            return agentStart;
        }
    }

    /**
     * The runtime bean alone, which starts no MBean server, so the application's JMX setup is
     * untouched. Made by the JDK's helper where it can be reached, as ManagementFactory first
     * loads every platform bean's provider, which costs ten times as much.
     */
    private RuntimeMXBean runtimeBean() {
        try {
            Module management = RuntimeMXBean.class.getModule();
            Module agent = JvmStart.class.getModule();
            if (!management.isExported(HELPER_PACKAGE, agent) && instrumentation.isModifiableModule(management)) {
                instrumentation.redefineModule(management, Set.of(), Map.of(HELPER_PACKAGE, Set.of(agent)),
                        Map.of(), Set.of(), Map.of());
            }
            return (RuntimeMXBean) Class.forName(HELPER).getMethod("getRuntimeMXBean").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError elsewhere) {
            return ManagementFactory.getRuntimeMXBean();
        }
    }
}

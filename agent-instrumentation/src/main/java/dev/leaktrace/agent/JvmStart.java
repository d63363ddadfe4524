package dev.leaktrace.agent;

import dev.leaktrace.bootstrap.JvmClock;
import java.lang.management.ManagementFactory;

/** When the JVM started, from its uptime: exact, and right for an agent attached late. */
final class JvmStart implements JvmClock {
    /** The agent's start, for when the uptime cannot be read. */
    private final long agentStart = System.nanoTime();

    @Override
    public long startNanos() {
        try {
            // The runtime bean only: it starts no MBean server, so the application's JMX setup is untouched.
            return System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        } catch (Throwable unavailable) {
            return agentStart;
        }
    }
}

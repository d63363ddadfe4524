package dev.leaktrace.agent;

import java.lang.management.ManagementFactory;

/** When the JVM started, for the log's @TIME lines. */
final class JvmStart {
    private JvmStart() {
    }

    /**
     * The JVM's start on {@link System#nanoTime}'s scale, from its uptime (exact, and right for an
     * agent attached late); the agent's own start when the uptime cannot be read.
     */
    static long nanos() {
        long now = System.nanoTime();
        try {
            // The runtime bean only: it starts no MBean server, so the application's JMX setup is untouched.
            return now - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        } catch (Throwable unavailable) {
            return now;
        }
    }
}

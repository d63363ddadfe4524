package dev.leaktrace.agent.channel;

import dev.leaktrace.bootstrap.AgentThreads;
import dev.leaktrace.bootstrap.Warnings;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Registers {@link AgentChannelMBean} once the JVM has a platform MBean server, and sets the system
 * property {@link #PROPERTY}, which the CLI reads through the attach API to know the JVM is traced.
 *
 * <p>The agent never creates the MBean server itself: doing so before {@code main} would start JMX
 * and {@code java.util.logging} ahead of the application, which breaks programs that configure
 * them first. Its own thread waits instead until the application, or the CLI through the attach
 * API's {@code startLocalManagementAgent}, has made one.
 */
public final class AgentChannel implements AgentChannelMBean, Runnable {
    public static final String NAME = "dev.leaktrace:type=Agent";
    /** Set in a traced JVM to the agent's version. */
    public static final String PROPERTY = "leaktrace.agent.version";
    private static final long POLL_MILLIS = 100;

    private final String version;
    private final Answerer answerer;

    /** What answers a request: the agent's entry point, as for an attach. */
    public interface Answerer {
        void answer(String arguments);
    }

    private AgentChannel(String version, Answerer answerer) {
        this.version = version;
        this.answerer = answerer;
    }

    /** Starts waiting for the MBean server on the agent's own thread. */
    public static void open(String version, Answerer answerer) {
        try {
            System.setProperty(PROPERTY, version);
            AgentThreads.newThread(new AgentChannel(version, answerer), "leaktrace-channel").start();
        } catch (Throwable e) {
            Warnings.warn("cannot open the channel for dump and attach (" + e + "); they load the agent instead");
        }
    }

    @Override
    public void run() {
        try {
            while (MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                Thread.sleep(POLL_MILLIS);
            }
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, new ObjectName(NAME));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            Warnings.warn("cannot register " + NAME + " (" + e + "); dump and attach load the agent instead");
        }
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public void answer(String arguments) {
        try {
            answerer.answer(arguments);
        } catch (Throwable e) {
            Warnings.warn("cannot answer '" + arguments + "' (" + e + ")");
        }
    }
}

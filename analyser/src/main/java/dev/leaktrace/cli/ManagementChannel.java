package dev.leaktrace.cli;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Asks a traced JVM through the attach API's local management agent and the agent's MBean, so no
 * agent is loaded into it again (Java 21 and later warn on stderr of each agent loaded at run time).
 * A JVM without the agent's system property is untraced, or traced by an agent without the MBean:
 * the caller then loads the agent as before.
 */
final class ManagementChannel {
    private static final String NAME = "dev.leaktrace:type=Agent";
    private static final String PROPERTY = "leaktrace.agent.version";
    /** How long the agent may take to notice the new MBean server and register (it looks every 100 ms). */
    private static final long REGISTER_WAIT_MILLIS = 5000;

    private ManagementChannel() {
    }

    /**
     * Whether the agent runs in process {@code pid}, read from its system properties through the
     * attach API, which loads nothing into it.
     */
    static boolean traced(String pid) throws CommandFailure {
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                return vm.getSystemProperties().getProperty(PROPERTY) != null;
            } finally {
                vm.detach();
            }
        } catch (Exception | LinkageError e) {
            throw new CommandFailure("cannot attach to process " + pid + ": " + Attacher.reason(e)
                    + ". " + Attacher.CHECK);
        }
    }

    /** Sends {@code arguments} to the agent's MBean, as an attach with them would; true when it was delivered. */
    static boolean answer(String pid, String arguments) throws CommandFailure {
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                if (vm.getSystemProperties().getProperty(PROPERTY) == null) {
                    return false;
                }
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(NAME);
            long deadline = System.currentTimeMillis() + REGISTER_WAIT_MILLIS;
            while (!server.isRegistered(name)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new CommandFailure("process " + pid + " is traced, but its agent did not register " + NAME
                            + " within " + REGISTER_WAIT_MILLIS / 1000 + " s (see its stderr for 'leaktrace:' lines)");
                }
                Thread.sleep(50);
            }
            server.invoke(name, "answer", new Object[] {arguments}, new String[] {String.class.getName()});
            return true;
        } catch (IOException | javax.management.JMException e) {
            throw new CommandFailure("cannot ask process " + pid + " over its management agent: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while asking process " + pid);
        }
    }
}

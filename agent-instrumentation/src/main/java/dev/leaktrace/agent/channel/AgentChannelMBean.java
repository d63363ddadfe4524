package dev.leaktrace.agent.channel;

/**
 * What {@code leaktrace dump} and a second {@code leaktrace attach} ask a traced JVM over its
 * local management agent, instead of loading the agent jar into it again.
 */
public interface AgentChannelMBean {
    /** The agent's version. */
    String getVersion();

    /** Answers a request as an attach with the same arguments would (for example {@code dump=FILE}). */
    void answer(String arguments);
}

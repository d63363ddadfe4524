package dev.leaktrace.bootstrap;

/**
 * A thread of the agent's own (the writer, the reaper, the exit flush): whatever it constructs is
 * the agent's work, so its {@link ThreadState} is busy from the start and it is never recorded.
 */
final class AgentThread extends Thread {
    AgentThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }
}

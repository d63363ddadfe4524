package dev.leaktrace.bootstrap;

/**
 * The agent's own threads, which are never traced: they belong to one thread group, and the
 * threads they start (a server's dispatcher, say) join it too, as a new thread takes its
 * creator's group.
 */
public final class AgentThreads {
    private static final ThreadGroup GROUP = new ThreadGroup("leaktrace");

    private AgentThreads() {
    }

    /** A daemon thread of the agent's group, not started. */
    public static Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(GROUP, task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Never throws: the JVM runs the constructor of a thread it attaches (a JNI thread) on that
     * thread, so the current thread may be one whose fields are not set yet.
     */
    static boolean isOwn(Thread thread) {
        try {
            return thread.getThreadGroup() == GROUP;
        } catch (RuntimeException unfinished) {
            return false;
        }
    }
}

package dev.leaktrace.junit;

import dev.leaktrace.agent.Leaktrace;

/**
 * Readies the agent once per JVM before any config is parsed: parsing loads
 * {@code dev.leaktrace.api} classes, and those (like {@code dev.leaktrace.bootstrap}) must be
 * defined in the bootstrap class loader first, or every traced class fails with a loader
 * constraint violation. An agent started by -javaagent has done this already.
 */
final class AgentStartup {
    private static String failure;
    private static boolean done;

    private AgentStartup() {
    }

    /** @return null when configs may be parsed and traced, else why not */
    static synchronized String ensurePrepared() {
        if (!done) {
            done = true;
            try {
                if (!Leaktrace.prepare()) {
                    failure = "leaktrace: cannot install the agent in this JVM (see the leaktrace lines on"
                            + " stderr). Run the tests with -javaagent:leaktrace.jar=config=... in Surefire's"
                            + " argLine, or allow the self-attach with -Djdk.attach.allowAttachSelf=true.";
                }
            } catch (RuntimeException | LinkageError e) {
                failure = "leaktrace: cannot install the agent in this JVM: " + e;
            }
        }
        return failure;
    }
}

package dev.leaktrace.agent.size;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/** The real Instrumentation of the test JVM, attached once. */
final class TestInstrumentation {
    private TestInstrumentation() {}

    static Instrumentation get() {
        return ByteBuddyAgent.install();
    }
}

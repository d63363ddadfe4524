package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of every constructor of a traced class. Exit, not enter: only then is
 * {@code this} usable, and exit advice does not run when the constructor throws, so a failed
 * construction prints nothing.
 */
final class ConstructorAdvice {
    private ConstructorAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Origin Class<?> declaringClass) {
        Recorder.constructed(self, declaringClass);
    }
}

package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/** Inlined at the exit of a drop method: only a normal return releases the object. */
final class DropAdvice {
    private DropAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Thrown Throwable thrown) {
        if (thrown == null) {
            Recorder.released(self);
        }
    }
}

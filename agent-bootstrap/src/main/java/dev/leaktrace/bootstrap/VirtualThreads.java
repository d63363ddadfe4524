package dev.leaktrace.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether a thread is virtual, on the JDKs that have them: this package is compiled for Java 17,
 * where {@code Thread.isVirtual()} does not exist, so it is looked up once.
 */
final class VirtualThreads {
    /** {@code Thread.isVirtual()}, or null before Java 21. */
    private static final MethodHandle IS_VIRTUAL = find();

    private VirtualThreads() {
    }

    private static MethodHandle find() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException | RuntimeException before21) {
            return null;
        }
    }

    /**
     * The class of the virtual threads seen (the JDK's virtual threads share one final class): a
     * comparison, where the method handle costs far more wherever the JIT has not inlined it.
     */
    private static volatile Class<?> virtualClass;

    static boolean isVirtual(Thread thread) {
        Class<?> type = thread.getClass();
        if (type == virtualClass) {
            return true;
        }
        if (IS_VIRTUAL == null || type == Thread.class) {
            return false;
        }
        try {
            boolean virtual = (boolean) IS_VIRTUAL.invokeExact(thread);
            if (virtual) {
                virtualClass = type;
            }
            return virtual;
        } catch (Throwable unexpected) {
            return false;
        }
    }
}

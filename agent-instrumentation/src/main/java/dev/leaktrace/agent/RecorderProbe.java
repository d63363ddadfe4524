package dev.leaktrace.agent;

/**
 * Whether the recorder runs in this JVM, asked of the boot class loader's copy of the bootstrap
 * classes by reflection: the agent's classes may be loaded by another loader, where naming a
 * bootstrap class before the injector defined it would load a second, useless copy.
 */
final class RecorderProbe {
    /** The bootstrap's query side. */
    private static final String QUERIES = "dev.leaktrace.bootstrap.RecorderQueries";

    private RecorderProbe() {
    }

    /** {@code RecorderQueries} of the boot class loader. */
    static Class<?> queries() throws ClassNotFoundException {
        return Class.forName(QUERIES, false, null);
    }

    /** True when the recorder runs (started by -javaagent, an attach or an install from a program). */
    static boolean isStarted() {
        try {
            return (Boolean) queries().getMethod("isStarted").invoke(null);
        } catch (ReflectiveOperationException | LinkageError notYet) {
            return false;
        }
    }
}

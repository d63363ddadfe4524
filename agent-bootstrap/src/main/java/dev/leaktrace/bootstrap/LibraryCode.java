package dev.leaktrace.bootstrap;

import java.util.function.Predicate;

/**
 * Which classes are library code, whose {@code new} of a traced object is charged to the
 * application line that called into them: the JDK (by package, and every class of the boot and
 * platform loaders) and the config's top-level {@code library:} patterns, handed in by the agent.
 * The per-entry patterns travel in {@link TypeInfo}.
 */
public final class LibraryCode {
    /** The name prefix of the methods the agent generates for marked calls from application code. */
    public static final String BRIDGE_PREFIX = "leaktrace$call$";
    private static final String[] JDK_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
    private static volatile Predicate<String> configured;
    private static final ClassValue<Boolean> LIBRARY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            return loader == null || loader == ClassLoader.getPlatformClassLoader() || isLibraryName(type.getName());
        }
    };

    private LibraryCode() {
    }

    /** The config's top-level patterns; set once, before the recording starts. */
    public static void configure(Predicate<String> topLevel) {
        configured = topLevel;
    }

    /** Whether a binary name is the JDK's by its package. */
    public static boolean isJdkName(String binaryName) {
        for (String prefix : JDK_PACKAGES) {
            if (binaryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a binary name is library code by name alone: the JDK's packages or the top-level patterns. */
    public static boolean isLibraryName(String binaryName) {
        if (isJdkName(binaryName)) {
            return true;
        }
        Predicate<String> patterns = configured;
        return patterns != null && patterns.test(binaryName);
    }

    static boolean isLibrary(Class<?> type) {
        return LIBRARY.get(type);
    }

    /** Library code for objects of {@code info}: everywhere, or by the entry's own patterns as well. */
    static boolean isLibrary(Class<?> type, TypeInfo info) {
        return isLibrary(type) || (info.library != null && info.library.test(type.getName()));
    }
}

package dev.leaktrace.bootstrap;

/**
 * The JDK's code that opens resources for its own keeping, for as long as the JVM runs: class
 * loading (the class path's jars), the jar URL cache (service files, resources in jars), the
 * pool of SecureRandom's device streams and the per-thread cache of temporary direct buffers
 * behind channel reads and writes. A traced object made with one of these on the stack
 * below any application frame is the JVM's, not the application's leak, and is not traced.
 */
final class JvmOwn {
    private static final String[] CLASSES = {
        "java.lang.ClassLoader",
        "sun.security.provider.FileInputStreamPool",
        "sun.nio.ch.Util",
    };
    private static final String[] PACKAGES = {
        "jdk.internal.loader.",
        "sun.net.www.protocol.jar.",
    };

    private JvmOwn() {
    }

    static boolean isHolder(String className) {
        for (String name : CLASSES) {
            if (className.equals(name)) {
                return true;
            }
        }
        for (String prefix : PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

package dev.leaktrace.bench.peers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open objects and the stack that opened them, as file-leak-detector keeps them: the site is the
 * captured {@link Throwable}, resolved to text only when a leak is reported.
 */
public final class ThrowableLeakDetector {
    private static final Map<Object, Throwable> OPEN = new ConcurrentHashMap<>();

    private ThrowableLeakDetector() {
    }

    static void opened(Object resource) {
        OPEN.put(resource, new Throwable("opened here"));
    }

    static void closed(Object resource) {
        OPEN.remove(resource);
    }

    public static int openCount() {
        return OPEN.size();
    }
}

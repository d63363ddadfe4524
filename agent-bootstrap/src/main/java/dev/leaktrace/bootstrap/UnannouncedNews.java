package dev.leaktrace.bootstrap;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The library lines of {@code new}s nobody announced (the class was not loaded yet when its
 * caller was: Netty's unpooled allocator and its nested buffer classes), by constructed class and
 * marked call: once a walk has shown an object of a library class made under a marked call to
 * belong to that call, the next ones made there skip the walk. One walk per class and call, not
 * per object: another object of that class made under that call by the application's own code
 * (called back by the library, not announcing its {@code new} either) is charged to the call
 * too. Kept on the class (a ClassValue), so it lives no longer than the class does.
 */
final class UnannouncedNews {
    /** Past this many marked calls per class, new ones are walked each time. */
    private static final int MAX_MARKS = 256;
    private static final ClassValue<ConcurrentHashMap<Integer, byte[]>> BY_CLASS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Integer, byte[]> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private UnannouncedNews() {
    }

    /** The library line of objects of {@code type} made under marked call {@code mark}, or null. */
    static byte[] lineOf(Class<?> type, int mark) {
        return BY_CLASS.get(type).get(mark);
    }

    /** Remembers what a walk found: the object belongs to the marked call, made at {@code newSite}. */
    static void remember(Class<?> type, int mark, byte[] newSite) {
        ConcurrentHashMap<Integer, byte[]> lines = BY_CLASS.get(type);
        if (lines.size() < MAX_MARKS) {
            lines.putIfAbsent(mark, newSite);
        }
    }
}

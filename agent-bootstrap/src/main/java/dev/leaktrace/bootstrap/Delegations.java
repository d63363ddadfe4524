package dev.leaktrace.bootstrap;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where traced classes' constructors call another constructor of their own class on
 * {@code this}, as "class#descriptor#line" of the call. Filled when a class is transformed (before
 * it is defined), read at a constructor's exit: a constructor called from such a place is not the
 * outermost one, so it leaves the object to its caller. A constructor that builds another object
 * of its own class ({@code new Node()} inside {@code Node(...)}) is not a delegation.
 *
 * <p>Lines rather than bytecode indexes, because transformations move the indexes; only a
 * {@code this(...)} call and a {@code new} of the same class on one line are confused. A
 * thread-local mark pushed before {@code this(...)} would be cheaper, but one left behind by a
 * throwing constructor would later swallow an unrelated object.
 */
public final class Delegations {
    private static final Set<String> CLASSES = ConcurrentHashMap.newKeySet();
    private static final Set<String> CALLS = ConcurrentHashMap.newKeySet();
    private static final ClassValue<Boolean> HAS_ANY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return CLASSES.contains(type.getName());
        }
    };

    private Delegations() {
    }

    public static void register(String className, String descriptor, int line) {
        CLASSES.add(className);
        CALLS.add(key(className, descriptor, line));
    }

    /** Whether the class has a this(...) call at all (most have none, and need no stack walk). */
    static boolean hasAny(Class<?> type) {
        return !CLASSES.isEmpty() && HAS_ANY.get(type);
    }

    static boolean isDelegation(String className, String descriptor, int line) {
        return CALLS.contains(key(className, descriptor, line));
    }

    private static String key(String className, String descriptor, int line) {
        return className + '#' + descriptor + '#' + line;
    }
}

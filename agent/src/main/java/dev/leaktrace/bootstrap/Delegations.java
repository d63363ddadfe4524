package dev.leaktrace.bootstrap;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where traced classes' constructors call another constructor of their own class on
 * {@code this} ({@code this(...)}), as "class#descriptor#line" of the call (line -1 without debug information). Filled when
 * a class is transformed, read when walking the stack: a constructor called from such a place is
 * not the outermost one, while a constructor that builds another object of its own class
 * ({@code new Node()} inside {@code Node(...)}) is a site like any other. Lines rather than
 * bytecode indexes, because the advice moves the indexes; only a {@code this(...)} call and a
 * {@code new} of the same class on one line are confused.
 */
public final class Delegations {
    private static final Set<String> CALLS = ConcurrentHashMap.newKeySet();

    private Delegations() {
    }

    public static void register(String className, String descriptor, int line) {
        CALLS.add(key(className, descriptor, line));
    }

    static boolean isDelegation(String className, String descriptor, int line) {
        return !CALLS.isEmpty() && CALLS.contains(key(className, descriptor, line));
    }

    private static String key(String className, String descriptor, int line) {
        return className + '#' + descriptor + '#' + line;
    }
}

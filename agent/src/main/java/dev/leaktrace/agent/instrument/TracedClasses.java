package dev.leaktrace.agent.instrument;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binary names of the classes given constructor advice, so the call-site rewriter knows them even
 * when they were picked by {@code subtypes} rather than by name.
 */
final class TracedClasses {
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    void add(String binaryName) {
        names.add(binaryName);
    }

    boolean contains(String binaryName) {
        return names.contains(binaryName);
    }
}

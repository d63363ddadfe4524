package dev.leaktrace.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drop methods a traced class inherits from a superclass that is not traced itself (a
 * {@code close()} declared in an abstract base, say). That superclass is loaded before the traced
 * class is ever seen, so it is retransformed on demand to get the drop advice; the advice then
 * ignores every object that is not traced.
 */
final class InheritedDrops {
    private final Instrumentation instrumentation;
    private final ConcurrentHashMap<String, Set<String>> methodsByClass = new ConcurrentHashMap<>();
    /** The same for renew methods, whose return starts a recycled object's new life. */
    private final ConcurrentHashMap<String, Set<String>> renewsByClass = new ConcurrentHashMap<>();

    InheritedDrops(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    Set<String> methodsOf(String className) {
        return methodsByClass.getOrDefault(className, Set.of());
    }

    Set<String> renewsOf(String className) {
        return renewsByClass.getOrDefault(className, Set.of());
    }

    /** Instruments {@code method} of {@code declaringClass} unless that was asked before. */
    void request(Class<?> declaringClass, String method) throws Exception {
        request(methodsByClass, declaringClass, method);
    }

    /** Instruments renew method {@code method} of {@code declaringClass} unless that was asked before. */
    void requestRenew(Class<?> declaringClass, String method) throws Exception {
        request(renewsByClass, declaringClass, method);
    }

    private void request(ConcurrentHashMap<String, Set<String>> methodsByClass, Class<?> declaringClass,
                         String method) throws Exception {
        Set<String> methods = methodsByClass.get(declaringClass.getName());
        if (methods == null) {
            Set<String> first = ConcurrentHashMap.newKeySet();
            methods = methodsByClass.putIfAbsent(declaringClass.getName(), first);
            if (methods == null) {
                methods = first;
            }
        }
        if (methods.add(method) && instrumentation.isModifiableClass(declaringClass)) {
            instrumentation.retransformClasses(declaringClass);
        }
    }
}

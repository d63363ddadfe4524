package dev.leaktrace.agent.size;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds fields and no-argument methods the way a size expression names them: by name, in any
 * visibility, searching the class, then its superclasses (then, for methods, its interfaces), so
 * the most specific declaration wins. Statics are found too, so the caller can reject them by name
 * instead of reporting them missing.
 */
final class MemberFinder {
    private MemberFinder() {}

    static Optional<Field> field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Method> noArgMethod(Class<?> type, String name) {
        for (Class<?> c : lookupOrder(type)) {
            Method found = null;
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0) {
                    // A covariant override leaves a bridge method beside the real one; take the real one.
                    if (found == null || found.isBridge()) {
                        found = method;
                    }
                }
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** The number of parameters of some method {@code name} that does take arguments, if there is one. */
    static Optional<Integer> parameterCountOfMethodNamed(Class<?> type, String name) {
        for (Class<?> c : lookupOrder(type)) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() > 0) {
                    return Optional.of(method.getParameterCount());
                }
            }
        }
        return Optional.empty();
    }

    static List<String> instanceFieldNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    names.add(field.getName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    static List<String> noArgMethodNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c : lookupOrder(type)) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && method.getReturnType() != void.class) {
                    names.add(method.getName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * The class and its superclasses, then all their interfaces breadth-first; for an interface,
     * {@code Object} last, since any object has Object's methods.
     */
    private static Set<Class<?>> lookupOrder(Class<?> type) {
        Set<Class<?>> order = new LinkedHashSet<>();
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            order.add(c);
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        while (!interfaces.isEmpty()) {
            Class<?> next = interfaces.poll();
            if (order.add(next)) {
                interfaces.addAll(List.of(next.getInterfaces()));
            }
        }
        if (type.isInterface()) {
            order.add(Object.class);
        }
        return order;
    }
}

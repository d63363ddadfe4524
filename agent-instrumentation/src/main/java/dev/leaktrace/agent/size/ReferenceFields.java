package dev.leaktrace.agent.size;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Per class, getters for all instance fields of reference type (own and inherited), computed once
 * per class so that a deep walk does no reflection per object. Fields that cannot be made
 * accessible, even after opening their package, are left out: the walk then undercounts rather
 * than fails.
 */
final class ReferenceFields {
    private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);
    private static final MethodHandle[] NONE = new MethodHandle[0];

    private static volatile ReferenceFields shared;

    private final Instrumentation instrumentation;
    private final ClassValue<MethodHandle[]> getters = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            return collect(type);
        }
    };

    private ReferenceFields(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** The cache for this Instrumentation; in practice a JVM has one, so all deep rules share it. */
    static ReferenceFields of(Instrumentation instrumentation) {
        ReferenceFields current = shared;
        if (current == null || current.instrumentation != instrumentation) {
            current = new ReferenceFields(instrumentation);
            shared = current;
        }
        return current;
    }

    /** Getters of type {@code (Object)Object} for the reference fields of {@code type}. */
    MethodHandle[] of(Class<?> type) {
        return getters.get(type);
    }

    private MethodHandle[] collect(Class<?> type) {
        List<MethodHandle> found = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : declaredFields(c)) {
                if (isFollowed(field)) {
                    MethodHandle getter = getterOrNull(field);
                    if (getter != null) {
                        found.add(getter);
                    }
                }
            }
        }
        return found.isEmpty() ? NONE : found.toArray(NONE);
    }

    /** A field typed with a class missing from the classpath makes reflection fail; skip that class's fields. */
    private static Field[] declaredFields(Class<?> c) {
        try {
            return c.getDeclaredFields();
        } catch (LinkageError missingType) {
            return new Field[0];
        }
    }

    private static boolean isFollowed(Field field) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
            return false;
        }
        // The referent is what a weak/soft/phantom reference deliberately does not keep alive.
        return !(field.getDeclaringClass() == Reference.class && field.getName().equals("referent"));
    }

    private MethodHandle getterOrNull(Field field) {
        try {
            return MemberHandles.getter(field, instrumentation).asType(OBJECT_TO_OBJECT);
        } catch (IllegalAccessException | RuntimeException inaccessible) {
            return null;
        }
    }
}

package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * The drop methods of a class: the entry's list, or by default {@code [close]} when the class has
 * a no-argument {@code close()} (declared or inherited) and {@code [gc]} otherwise. Answered both
 * for class files being transformed and for loaded classes; the two must agree.
 */
public final class DropMethods {
    static final List<String> CLOSE = List.of("close");
    static final List<String> GC = List.of(TypeEntry.DROP_GC);

    private DropMethods() {
    }

    public static List<String> of(TypeEntry entry, TypeDescription type) {
        if (entry.drops() != null) {
            return entry.drops();
        }
        return hasNoArgClose(type) ? CLOSE : GC;
    }

    public static List<String> of(TypeEntry entry, Class<?> type) {
        if (entry.drops() != null) {
            return entry.drops();
        }
        return hasNoArgClose(type) ? CLOSE : GC;
    }

    private static boolean hasNoArgClose(TypeDefinition type) {
        for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
            for (MethodDescription m : t.getDeclaredMethods()) {
                if (isNoArgClose(m)) {
                    return true;
                }
            }
            for (TypeDescription.Generic i : t.getInterfaces()) {
                if (hasNoArgClose(i.asErasure())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNoArgClose(MethodDescription m) {
        return m.getName().equals("close") && m.getParameters().isEmpty() && !m.isStatic();
    }

    private static boolean hasNoArgClose(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Method m : t.getDeclaredMethods()) {
                if (m.getName().equals("close") && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                    return true;
                }
            }
            for (Class<?> i : t.getInterfaces()) {
                if (hasNoArgClose(i)) {
                    return true;
                }
            }
        }
        return false;
    }
}

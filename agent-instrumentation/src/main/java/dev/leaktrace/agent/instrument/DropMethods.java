package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * The drop methods of a class: the entry's list, or by default {@code [close]} when the class has
 * a no-argument {@code close()} (declared or inherited) and {@code [gc]} otherwise. A class file
 * only gets advice on the drop methods it declares; inherited ones are reached at run time
 * through {@link InheritedDrops}.
 */
public final class DropMethods {
    static final List<String> CLOSE = List.of("close");
    static final List<String> GC = List.of(TypeEntry.DROP_GC);

    private DropMethods() {
    }

    public static List<String> of(TypeEntry entry, Class<?> type) {
        if (entry.drops() != null) {
            return entry.drops();
        }
        return hasNoArgClose(type) ? CLOSE : GC;
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

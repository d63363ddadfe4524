package dev.leaktrace.agent.instrument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The supertypes of a class that is loaded, by reflection: for {@code subtypes} matching of a
 * {@code Class} at hand. ({@link ClassHierarchy} answers by name for classes being loaded.)
 */
public final class LoadedSupertypes implements TypeRules.Supertypes {
    private final Class<?> type;

    public LoadedSupertypes(Class<?> type) {
        this.type = type;
    }

    @Override
    public Iterable<String> of(String binaryName) {
        return namesOf(type);
    }

    /** The names of all superclasses and interfaces of {@code type}, each once. */
    public static Set<String> namesOf(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        List<Class<?>> work = new ArrayList<>();
        work.add(type);
        while (!work.isEmpty()) {
            Class<?> t = work.remove(work.size() - 1);
            Class<?> superclass = t.getSuperclass();
            if (superclass != null && names.add(superclass.getName())) {
                work.add(superclass);
            }
            for (Class<?> i : t.getInterfaces()) {
                if (names.add(i.getName())) {
                    work.add(i);
                }
            }
        }
        return names;
    }
}

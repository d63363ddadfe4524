package dev.leaktrace.agent.instrument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Superclass and interface names of every class seen, by name, for {@code subtypes} matching
 * without loading or parsing anything more: a class's supertypes are always loaded, and so seen,
 * before it. Classes loaded before the agent are entered from {@code getAllLoadedClasses()}.
 * Names only: two loaders' classes of one name share an entry, which matching by name accepts.
 */
final class ClassHierarchy implements TypeRules.Supertypes {
    private final ConcurrentHashMap<String, String[]> supertypes = new ConcurrentHashMap<>();

    void record(String binaryName, String superName, String[] interfaces) {
        String[] direct = new String[interfaces.length + (superName == null ? 0 : 1)];
        int i = 0;
        if (superName != null) {
            direct[i++] = superName;
        }
        for (String in : interfaces) {
            direct[i++] = in;
        }
        supertypes.put(binaryName, direct);
    }

    void record(Class<?> type) {
        Class<?>[] interfaces = type.getInterfaces();
        String[] names = new String[interfaces.length];
        for (int i = 0; i < interfaces.length; i++) {
            names[i] = interfaces[i].getName();
        }
        record(type.getName(), type.getSuperclass() == null ? null : type.getSuperclass().getName(), names);
    }

    /** All supertypes known for the class, nearest first. */
    @Override
    public Iterable<String> of(String binaryName) {
        return supertypesOf(binaryName);
    }

    Iterable<String> supertypesOf(String binaryName) {
        Set<String> all = new LinkedHashSet<>();
        List<String> work = new ArrayList<>();
        work.add(binaryName);
        while (!work.isEmpty()) {
            String[] direct = supertypes.get(work.remove(0));
            if (direct != null) {
                for (String s : direct) {
                    if (all.add(s)) {
                        work.add(s);
                    }
                }
            }
        }
        return all;
    }
}

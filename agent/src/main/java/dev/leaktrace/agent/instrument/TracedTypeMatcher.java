package dev.leaktrace.agent.instrument;

import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Picks the classes to transform: those a config entry names, and superclasses whose drop method a
 * traced class inherits. Matching by name first keeps start-up cheap: class files are only read
 * further when an entry asks for {@code subtypes}.
 */
final class TracedTypeMatcher implements AgentBuilder.RawMatcher {
    private final TypeRules rules;
    private final InheritedDrops inheritedDrops;

    TracedTypeMatcher(TypeRules rules, InheritedDrops inheritedDrops) {
        this.rules = rules;
        this.inheritedDrops = inheritedDrops;
    }

    @Override
    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
                           ProtectionDomain protectionDomain) {
        String name = type.getName();
        if (!inheritedDrops.isEmpty() && !inheritedDrops.methodsOf(name).isEmpty()) {
            return true;
        }
        if (rules.matchesByName(name)) {
            return isInstantiable(type);
        }
        if (!rules.anySubtypes()) {
            return false;
        }
        try {
            return isInstantiable(type) && rules.entryFor(name, () -> supertypeNames(type)) != null;
        } catch (RuntimeException unresolvable) {
            return false; // a supertype's class file cannot be found: nothing to match against
        }
    }

    static boolean isInstantiable(TypeDescription type) {
        return !type.isInterface() && !type.isAnnotation() && !type.isAbstract();
    }

    static Iterable<String> supertypeNames(TypeDescription type) {
        Set<String> names = new LinkedHashSet<>();
        List<TypeDefinition> work = new ArrayList<>();
        work.add(type);
        while (!work.isEmpty()) {
            TypeDefinition t = work.remove(work.size() - 1);
            TypeDescription.Generic superclass = t.getSuperClass();
            if (superclass != null && names.add(superclass.asErasure().getName())) {
                work.add(superclass.asErasure());
            }
            for (TypeDescription.Generic i : t.getInterfaces()) {
                if (names.add(i.asErasure().getName())) {
                    work.add(i.asErasure());
                }
            }
        }
        return names;
    }
}

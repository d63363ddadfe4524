package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import dev.leaktrace.agent.size.ConstantSize;
import dev.leaktrace.agent.size.SizeRule;
import dev.leaktrace.agent.size.SizeRuleException;
import dev.leaktrace.api.SizeEstimator;
import dev.leaktrace.bootstrap.TypeInfo;
import dev.leaktrace.bootstrap.TypeResolver;
import dev.leaktrace.bootstrap.Warnings;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/** Tells the recorder, once per runtime class, how its objects are traced according to the config. */
final class ConfiguredTypeResolver implements TypeResolver {
    private final TypeRules rules;
    private final Instrumentation instrumentation;
    private final InheritedDrops inheritedDrops;

    ConfiguredTypeResolver(TypeRules rules, Instrumentation instrumentation, InheritedDrops inheritedDrops) {
        this.rules = rules;
        this.instrumentation = instrumentation;
        this.inheritedDrops = inheritedDrops;
    }

    @Override
    public TypeInfo resolve(Class<?> type) {
        if (type.isInterface() || type.isArray() || type.isPrimitive()) {
            return TypeInfo.UNTRACED;
        }
        TypeEntry entry = rules.entryFor(type.getName(), new LoadedSupertypes(type));
        if (entry == null) {
            return TypeInfo.UNTRACED;
        }
        List<String> drops = DropMethods.of(entry, type);
        instrumentInheritedDrops(entry, type, drops);
        instrumentInheritedRenews(entry, type);
        SizeEstimator shallow = bindShallow(type);
        SizeEstimator size;
        try {
            size = entry.size().bind(type, instrumentation);
        } catch (SizeRuleException | RuntimeException e) {
            Warnings.warn(entry.sourceOf("size") + ": size: " + e.getMessage() + ". " + type.getName()
                    + " is reported with its shallow size; fix the size rule.");
            size = shallow;
        }
        return new TypeInfo(type.getName(), size, shallow, entry.size().describe(), drops.contains(TypeEntry.DROP_GC),
                entry.stacks(), entry.library().isEmpty() ? null : entry.library(), entry.library().any())
                .withDropIfTrue(entry.dropIfTrue());
    }

    private SizeEstimator bindShallow(Class<?> type) {
        try {
            return SizeRule.shallow().bind(type, instrumentation);
        } catch (SizeRuleException e) {
            return ConstantSize.ZERO;
        }
    }

    private void instrumentInheritedDrops(TypeEntry entry, Class<?> type, List<String> drops) {
        for (String name : drops) {
            if (name.equals(TypeEntry.DROP_GC)) {
                continue;
            }
            Class<?> declaring = declaringClassOf(type, name);
            if (declaring == null) {
                Warnings.warn(entry.sourceOf("drop") + ": drop: " + type.getName() + " has no method '" + name
                        + "', so its objects are never dropped that way. Name a method the class has, or gc.");
            } else if (declaring != type) {
                try {
                    inheritedDrops.request(declaring, name);
                } catch (Throwable e) {
                    Warnings.warn("cannot instrument " + declaring.getName() + "." + name + "() for " + type.getName()
                            + ": " + e + ". Calls of it will not drop objects.");
                }
            }
        }
    }

    private void instrumentInheritedRenews(TypeEntry entry, Class<?> type) {
        for (String name : entry.renews()) {
            Class<?> declaring = declaringClassOf(type, name);
            if (declaring == null) {
                // Common for subtypes: a pool's objects have the method, the entry's other classes not.
                continue;
            }
            if (declaring != type) {
                try {
                    inheritedDrops.requestRenew(declaring, name);
                } catch (Throwable e) {
                    Warnings.warn("cannot instrument " + declaring.getName() + "." + name + "() for " + type.getName()
                            + ": " + e + ". Its recycled objects keep their first life.");
                }
            }
        }
    }

    /**
     * Where the method the object runs comes from: the nearest superclass declaring a concrete
     * instance method of that name, else an interface's default method of that name.
     */
    private static Class<?> declaringClassOf(Class<?> type, String method) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            if (declaresConcrete(t, method)) {
                return t;
            }
        }
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            Class<?> found = defaultMethodIn(t.getInterfaces(), method);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Class<?> defaultMethodIn(Class<?>[] interfaces, String method) {
        for (Class<?> i : interfaces) {
            if (declaresConcrete(i, method)) {
                return i;
            }
            Class<?> inherited = defaultMethodIn(i.getInterfaces(), method);
            if (inherited != null) {
                return inherited;
            }
        }
        return null;
    }

    private static boolean declaresConcrete(Class<?> type, String method) {
        for (Method m : type.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (m.getName().equals(method) && !Modifier.isStatic(mod) && !Modifier.isAbstract(mod)) {
                return true;
            }
        }
        return false;
    }
}

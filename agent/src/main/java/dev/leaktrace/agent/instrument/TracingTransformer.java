package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import java.security.ProtectionDomain;
import java.util.LinkedHashSet;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Adds the constructor advice and the drop advice to a matched class. */
final class TracingTransformer implements AgentBuilder.Transformer {
    private static final Advice CONSTRUCTOR_ADVICE = Advice.to(ConstructorAdvice.class);
    private static final Advice DROP_ADVICE = Advice.to(DropAdvice.class);

    private final TypeRules rules;
    private final InheritedDrops inheritedDrops;

    private final TracedClasses tracedClasses;

    TracingTransformer(TypeRules rules, InheritedDrops inheritedDrops, TracedClasses tracedClasses) {
        this.rules = rules;
        this.inheritedDrops = inheritedDrops;
        this.tracedClasses = tracedClasses;
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                            JavaModule module, ProtectionDomain protectionDomain) {
        Set<String> dropMethods = new LinkedHashSet<>(inheritedDrops.methodsOf(type.getName()));
        if (TracedTypeMatcher.isInstantiable(type)) {
            TypeEntry entry = rules.entryFor(type.getName(), () -> TracedTypeMatcher.supertypeNames(type));
            if (entry != null) {
                tracedClasses.add(type.getName());
                builder = builder.visit(CONSTRUCTOR_ADVICE.on(isConstructor()));
                dropMethods.addAll(DropMethods.of(entry, type));
            }
        }
        dropMethods.remove(TypeEntry.DROP_GC);
        if (!dropMethods.isEmpty()) {
            builder = builder.visit(DROP_ADVICE.on(namedOneOf(dropMethods.toArray(new String[0]))
                    .and(not(isStatic())).and(not(isAbstract())).and(not(isConstructor()))));
        }
        return builder;
    }
}

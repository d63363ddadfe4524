package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TraceConfig;
import dev.leaktrace.bootstrap.Recorder;
import dev.leaktrace.bootstrap.TypeResolver;
import dev.leaktrace.bootstrap.Warnings;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;

/** Installs the class file transformer for a config; also retransforms classes already loaded. */
public final class Instrumenter {
    static final List<String> OWN_PACKAGES = List.of("dev.leaktrace.bootstrap.", "dev.leaktrace.api.",
            "dev.leaktrace.agent.", "dev.leaktrace.analyser.", "dev.leaktrace.cli.", "dev.leaktrace.shaded.",
            "dev.leaktrace.junit.");
    private final TypeRules rules;
    private final InheritedDrops inheritedDrops;
    private final TracedClasses tracedClasses = new TracedClasses();
    private final Instrumentation instrumentation;

    public Instrumenter(TraceConfig config, Instrumentation instrumentation) {
        this.rules = new TypeRules(config.types());
        this.instrumentation = instrumentation;
        this.inheritedDrops = new InheritedDrops(instrumentation);
    }

    /** What the recorder asks, once per class, about traced objects. */
    public TypeResolver typeResolver() {
        return new ConfiguredTypeResolver(rules, instrumentation, inheritedDrops);
    }

    /**
     * Traces more types from now on: new classes through the installed transformer, loaded ones
     * by retransforming them. Objects created before stay unknown.
     */
    public void addTypes(java.util.List<dev.leaktrace.agent.config.TypeEntry> entries) {
        TypeRules added = new TypeRules(entries);
        rules.add(entries);
        java.util.List<Class<?>> loaded = new java.util.ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (instrumentation.isModifiableClass(c) && !c.isInterface() && !c.isArray()
                    && added.entryFor(c.getName(), () -> ConfiguredTypeResolver.supertypeNames(c)) != null) {
                loaded.add(c);
            }
        }
        for (Class<?> c : loaded) {
            try {
                instrumentation.retransformClasses(c);
            } catch (Throwable e) {
                Warnings.warn("cannot instrument " + c.getName() + " (" + e + "); its objects are not traced.");
            }
        }
    }

    public void install() {
        installAdvice();
        // The call-site transformer runs after the advice transformer on every class; classes the
        // advice reached before it was registered (the JDK's) get their this(...) marks now.
        instrumentation.addTransformer(new CallSiteTransformer(this::isTraced, tracedClasses), true);
        java.util.List<Class<?>> again = new java.util.ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (tracedClasses.contains(c.getName()) && instrumentation.isModifiableClass(c)) {
                again.add(c);
            }
        }
        if (!again.isEmpty()) {
            try {
                instrumentation.retransformClasses(again.toArray(new Class<?>[0]));
            } catch (Throwable e) {
                Warnings.warn("cannot mark the constructors of " + again + " (" + e + ")");
            }
        }
    }

    private boolean isTraced(String binaryName) {
        return tracedClasses.contains(binaryName) || rules.matchesByName(binaryName);
    }

    static boolean isOwn(String binaryName) {
        for (String pkg : OWN_PACKAGES) {
            if (binaryName.startsWith(pkg)) {
                return true;
            }
        }
        return false;
    }

    private void installAdvice() {
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new WarningListener())
                .assureReadEdgeTo(instrumentation, Recorder.class)
                // JDK classes are traced too, so the default "ignore the bootstrap loader" is replaced.
                .ignore(ownClasses())
                .type(new TracedTypeMatcher(rules, inheritedDrops))
                .transform(new TracingTransformer(rules, inheritedDrops, tracedClasses))
                .installOn(instrumentation);
    }

    /** The agent never traces its own work: its packages (not the demo's, which shares the prefix). */
    private static ElementMatcher.Junction<TypeDescription> ownClasses() {
        ElementMatcher.Junction<TypeDescription> own = none();
        for (String pkg : OWN_PACKAGES) {
            own = own.or(nameStartsWith(pkg));
        }
        return own;
    }

    /** Transformation errors are otherwise invisible: name the class that stays untraced. */
    private static final class WarningListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            Warnings.warn("cannot instrument " + typeName + " (" + throwable
                    + "); its objects are not traced, the rest is.");
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                                     boolean loaded, DynamicType dynamicType) {
            if (Boolean.getBoolean("leaktrace.debug")) {
                Warnings.warn("instrumented " + typeDescription.getName());
            }
        }
    }
}

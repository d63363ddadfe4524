package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TraceConfig;
import dev.leaktrace.agent.config.TypeEntry;
import dev.leaktrace.bootstrap.LibraryCode;
import dev.leaktrace.bootstrap.TypeResolver;
import dev.leaktrace.bootstrap.Warnings;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/** Installs the class file transformer for a config, and retransforms the classes already loaded. */
public final class Instrumenter {
    static final List<String> OWN_PACKAGES = List.of("dev.leaktrace.bootstrap.", "dev.leaktrace.api.",
            "dev.leaktrace.agent.", "dev.leaktrace.analyser.", "dev.leaktrace.cli.", "dev.leaktrace.shaded.",
            "dev.leaktrace.junit.");
    private static final String OWN_ROOT = "dev.leaktrace.";
    private final TypeRules rules;
    private final InheritedDrops inheritedDrops;
    private final ClassHierarchy hierarchy = new ClassHierarchy();
    private boolean hierarchySeeded;
    private final Instrumentation instrumentation;

    public Instrumenter(TraceConfig config, Instrumentation instrumentation) {
        this.rules = new TypeRules(config.types());
        if (!config.library().isEmpty()) {
            LibraryCode.configure(config.library());
        }
        this.instrumentation = instrumentation;
        this.inheritedDrops = new InheritedDrops(instrumentation);
    }

    /** What the recorder asks, once per class, about traced objects. */
    /** What the sink writes at exit: a warning and a trailer line per config entry that matched no class. */
    public Runnable unmatchedReport(dev.leaktrace.bootstrap.LineSink sink) {
        return new UnmatchedEntries(rules, instrumentation, sink);
    }

    public TypeResolver typeResolver() {
        return new ConfiguredTypeResolver(rules, instrumentation, inheritedDrops);
    }

    public void install() {
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        if (rules.anySubtypes()) {
            recordHierarchy(loaded);
        }
        TracingTransformer transformer = new TracingTransformer(rules, inheritedDrops, hierarchy, instrumentation);
        transformer.warmUp();
        instrumentation.addTransformer(transformer, true);
        retransformMatching(loaded, rules);
    }

    /**
     * Traces more types from now on: new classes through the installed transformer, loaded ones
     * by retransforming them. Objects created before stay unknown.
     */
    public synchronized void addTypes(List<TypeEntry> entries) {
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        TypeRules added = new TypeRules(entries);
        if (added.anySubtypes() && !rules.anySubtypes()) {
            recordHierarchy(loaded);
        }
        rules.add(entries);
        retransformMatching(loaded, added);
    }

    /**
     * Enters the supertypes of classes loaded before the agent (the JDK's, the launcher's), known by
     * reflection; the transformer enters every later one. Only {@code subtypes} entries need them,
     * so a config without one skips this (start-up time).
     */
    private synchronized void recordHierarchy(Class<?>[] loaded) {
        if (hierarchySeeded) {
            return;
        }
        hierarchySeeded = true;
        for (Class<?> c : loaded) {
            if (!c.isArray() && !c.isPrimitive()) {
                hierarchy.record(c);
            }
        }
    }

    private void retransformMatching(Class<?>[] loaded, TypeRules matching) {
        List<Class<?>> traced = new ArrayList<>();
        for (Class<?> c : loaded) {
            if (!c.isInterface() && !c.isArray() && !c.isPrimitive()
                    && matching.entryFor(c.getName(), hierarchy) != null && !isOwn(c.getName())
                    && instrumentation.isModifiableClass(c)) {
                traced.add(c);
            }
        }
        if (traced.isEmpty()) {
            return;
        }
        try {
            // One call for all: the JVM then stops the application once, not once per class.
            instrumentation.retransformClasses(traced.toArray(new Class<?>[0]));
            return;
        } catch (Throwable e) {
            // One class refused fails the whole call: retry one by one, naming the class refused.
        }
        for (Class<?> c : traced) {
            try {
                instrumentation.retransformClasses(c);
            } catch (Throwable e) {
                Warnings.warn("cannot instrument " + c.getName() + " (" + e + "); its objects are not traced, the rest is.");
            }
        }
    }

    /** Asked of every class loaded: one comparison for every class not of ours. */
    static boolean isOwn(String binaryName) {
        if (!binaryName.startsWith(OWN_ROOT)) {
            return false;
        }
        for (String pkg : OWN_PACKAGES) {
            if (binaryName.startsWith(pkg)) {
                return true;
            }
        }
        return false;
    }
}

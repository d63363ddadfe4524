package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import dev.leaktrace.bootstrap.LibraryCode;
import dev.leaktrace.bootstrap.Recorder;
import dev.leaktrace.bootstrap.Warnings;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The one class file transformer. For each class it reads the header (name, supertypes), decides
 * from names alone what to do, and only then, for the few classes concerned, rewrites the
 * bytecode in one ASM pass ({@link TracingClassVisitor}). Name matching and a plain transformer
 * keep start-up cheap: no type pool, no class file parsed beyond its header and constant pool.
 */
final class TracingTransformer implements ClassFileTransformer {
    private final TypeRules rules;
    private final InheritedDrops inheritedDrops;
    private final ClassHierarchy hierarchy;
    private final Instrumentation instrumentation;
    private final SiteNumbers siteNumbers = new SiteNumbers();
    /** Traced classes by name, so a `new` of one picked by subtypes is announced too. */
    private final Set<String> tracedNames = ConcurrentHashMap.newKeySet();
    private final Set<Module> readingRecorder = ConcurrentHashMap.newKeySet();
    /** The classes defined with bridges, by {@link #classKey}: a retransformation must keep them. */
    private final Set<String> bridged = ConcurrentHashMap.newKeySet();
    private final Predicate<String> entryLibrary;

    TracingTransformer(TypeRules rules, InheritedDrops inheritedDrops, ClassHierarchy hierarchy,
                       Instrumentation instrumentation) {
        this.rules = rules;
        this.inheritedDrops = inheritedDrops;
        this.hierarchy = hierarchy;
        this.instrumentation = instrumentation;
        this.entryLibrary = new MarkedCalls.EntryLibrary(rules);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (internalName == null) {
            return null;
        }
        // What the transformer constructs is the agent's work, never the application's objects.
        boolean paused = Recorder.pauseThread();
        try {
            return rewrite(module, loader, internalName, classBeingRedefined, classfileBuffer);
        } finally {
            Recorder.resumeThread(paused);
        }
    }

    private byte[] rewrite(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                           byte[] classfileBuffer) {
        String name = internalName.replace('/', '.');
        if (Instrumenter.isOwn(name)) {
            return null;
        }
        try {
            ClassReader reader = new ClassReader(classfileBuffer);
            String superName = reader.getSuperName();
            String[] interfaces = reader.getInterfaces();
            for (int i = 0; i < interfaces.length; i++) {
                interfaces[i] = interfaces[i].replace('/', '.');
            }
            hierarchy.record(name, superName == null ? null : superName.replace('/', '.'), interfaces);
            if (reader.readShort(6) < Opcodes.V1_5) {
                return null; // ldc of a class constant needs class files of Java 5 or later
            }
            boolean selfTraced = false;
            Set<String> drops = new LinkedHashSet<>(inheritedDrops.methodsOf(name));
            Set<String> renews = new LinkedHashSet<>(inheritedDrops.renewsOf(name));
            if (isInstantiable(reader.getAccess())) {
                TypeEntry entry = rules.entryFor(name, hierarchy);
                if (entry != null) {
                    selfTraced = true;
                    tracedNames.add(name);
                    // The default [close] when declared here; inherited ones come through InheritedDrops.
                    drops.addAll(entry.drops() != null ? entry.drops() : DropMethods.CLOSE);
                    drops.remove(TypeEntry.DROP_GC);
                    renews.addAll(entry.renews());
                }
            }
            // Classes of the JDK's modules cannot all see the bootstrap package: they announce no
            // sites (their objects are placed by a stack walk).
            boolean announce = !module.isNamed() && loader != null && loader != ClassLoader.getPlatformClassLoader();
            boolean library = !announce || LibraryCode.isLibraryName(name);
            // Bridges are methods: a class defined without them (loaded before the agent) cannot
            // gain them, and one defined with them must keep them when another agent (a mock
            // maker) retransforms it, which the same rewrite of its original bytes does. Not for
            // interfaces, whose private methods older class files cannot have.
            // Calls into an entry's own library patterns are marked from classes no entry names, so
            // that Netty's `new` or renew under the application's call finds that call.
            Predicate<String> markedCallees = rules.isEntryLibrary(name) ? MarkedCalls.NO_ENTRY_LIBRARY : entryLibrary;
            boolean marks = !library && (reader.getAccess() & Opcodes.ACC_INTERFACE) == 0
                    && (classBeingRedefined == null || bridged.contains(classKey(loader, internalName)))
                    && MarkedCalls.anyIn(reader, markedCallees);
            if (!selfTraced && drops.isEmpty() && renews.isEmpty() && !marks && !(announce && namesTracedClass(reader))) {
                return null;
            }
            if (module.isNamed()) {
                assureReadsRecorder(module);
            }
            ClassWriter writer = new ClassWriter(reader, 0);
            TracingClassVisitor visitor = new TracingClassVisitor(writer, tracedTest, selfTraced, drops, renews, announce,
                    siteNumbers, marks ? markedCallees : null, library);
            reader.accept(visitor, 0);
            if (!visitor.changed) {
                return null;
            }
            byte[] rewritten = writer.toByteArray();
            if (marks && classBeingRedefined == null) {
                bridged.add(classKey(loader, internalName));
            }
            return rewritten;
        } catch (Throwable e) {
            Warnings.warn("cannot instrument " + name + " (" + e + "); its objects are not traced, the rest is.");
            return null;
        }
    }

    /**
     * Runs the name-matching paths of {@link #transform} once before the transformer is
     * registered, so that the JDK classes they need (iterators, lambda forms) are loaded by then:
     * loading one of them from inside the transformer, while that very class is being defined,
     * would end in a ClassCircularityError. The rewriting paths are run by {@link RewritingPreload}.
     */
    void warmUp() {
        hierarchy.record("dev.leaktrace.agent.instrument.WarmUp", "java.lang.Object", new String[] {"java.io.Closeable"});
        for (String name : hierarchy.supertypesOf("dev.leaktrace.agent.instrument.WarmUp")) {
            rules.matchesByName(name);
        }
        rules.entryFor("dev.leaktrace.agent.instrument.WarmUp", hierarchy);
        RewritingPreload.runAllPaths();
        // The first redefineModule loads the JDK's WeakPairMap classes, which must not happen
        // inside the transformer; java.base is the module every traced JDK class lives in or reads.
        assureReadsRecorder(Object.class.getModule());
    }

    static boolean isInstantiable(int access) {
        return (access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ANNOTATION)) == 0;
    }

    boolean isTraced(String binaryName) {
        return tracedNames.contains(binaryName) || rules.matchesByName(binaryName);
    }

    /** A class by name and loader identity (not the loader itself: the set must not keep it alive). */
    private static String classKey(ClassLoader loader, String internalName) {
        return System.identityHashCode(loader) + " " + internalName;
    }

    /** Named modules (the JDK's) read the bootstrap loader's unnamed module only when told to. */
    private void assureReadsRecorder(Module module) {
        if (readingRecorder.add(module)) {
            Module recorder = Recorder.class.getModule();
            if (!module.canRead(recorder)) {
                instrumentation.redefineModule(module, Set.of(recorder), Map.of(), Map.of(), Set.of(), Map.of());
            }
        }
    }

    /** Whether any class constant of the pool is a traced class. */
    private boolean namesTracedClass(ClassReader reader) {
        return namesTracedClass(reader, tracedTest);
    }

    /** {@link #isTraced} as the visitor takes it. */
    private final Predicate<String> tracedTest = new Predicate<>() {
        @Override
        public boolean test(String binaryName) {
            return isTraced(binaryName);
        }
    };

    static boolean namesTracedClass(ClassReader reader, java.util.function.Predicate<String> isTraced) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.readByte(offset - 1) == 7 /* CONSTANT_Class */) {
                String name = reader.readUTF8(offset, buffer);
                if (name.charAt(0) != '[' && isTraced.test(name.replace('/', '.'))) {
                    return true;
                }
            }
        }
        return false;
    }

}

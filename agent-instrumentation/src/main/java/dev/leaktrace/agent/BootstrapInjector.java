package dev.leaktrace.agent;

import dev.leaktrace.agent.jar.OwnJar;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Defines the JDK-only packages ({@code dev.leaktrace.bootstrap}, {@code dev.leaktrace.api}) in the
 * bootstrap class loader, so that advice inlined into JDK classes can call them.
 *
 * <p>A jar named leaktrace.jar needs none of this at -javaagent start-up: its manifest's
 * Boot-Class-Path has put the whole jar on the boot class path before the JVM started.
 *
 * <p>Otherwise they are defined directly rather than by appending a jar to the bootstrap search
 * path: an append to a running JVM makes it print a class-data-sharing warning and start slower.
 * The append remains the fallback should a JDK refuse the direct way.
 */
final class BootstrapInjector {
    static final String PROBE = "dev.leaktrace.bootstrap.Recorder";
    /** Written by the bootstrap module's build: the path of each class it compiled, one a line. */
    static final String CLASS_LIST = "META-INF/leaktrace/bootstrap-classes.txt";

    private BootstrapInjector() {
    }

    static void inject(Instrumentation instrumentation) throws Exception {
        if (isInBootstrap(PROBE)) {
            return; // a second -javaagent, or an attach after one: the classes are there already
        }
        Map<String, byte[]> classes = OwnJar.readClasses(classNames());
        if (classes.isEmpty()) {
            throw new IllegalStateException("no bootstrap classes found in the agent's jar");
        }
        try {
            defineDirectly(instrumentation, classes);
        } catch (Throwable direct) {
            appendJar(instrumentation, classes);
        }
        if (!isInBootstrap(PROBE)) {
            throw new IllegalStateException("the bootstrap classes could not be defined");
        }
    }

    static List<String> classNames() throws IOException {
        byte[] list = OwnJar.readEntry(CLASS_LIST);
        if (list == null) {
            throw new IllegalStateException("the agent's jar lacks " + CLASS_LIST);
        }
        List<String> names = new ArrayList<>();
        for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
            String path = line.trim();
            if (path.endsWith(".class")) {
                names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
            }
        }
        return names;
    }

    private static boolean isInBootstrap(String name) {
        try {
            return Class.forName(name, false, null) != null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void defineDirectly(Instrumentation instrumentation, Map<String, byte[]> classes) throws Exception {
        Module javaBase = Object.class.getModule();
        Module ours = BootstrapInjector.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", Set.of(ours)),
                Map.of("jdk.internal.misc", Set.of(ours)), Set.of(), Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        // Unsafe defines the first class of each package; a Lookup in that class then defines the
        // rest. Method.invoke on one method more than 15 times makes the JDK generate an accessor
        // class, start-up time spent before the application's main.
        Map<String, MethodHandles.Lookup> lookups = new HashMap<>();
        // A class can only be defined once its superclass and interfaces are; retry until all are.
        List<String> pending = new ArrayList<>(classes.keySet());
        while (!pending.isEmpty()) {
            List<String> retry = new ArrayList<>();
            Throwable lastFailure = null;
            for (String name : pending) {
                byte[] bytes = classes.get(name);
                String packageName = name.substring(0, name.lastIndexOf('.'));
                try {
                    MethodHandles.Lookup lookup = lookups.get(packageName);
                    if (lookup != null) {
                        lookup.defineClass(bytes);
                    } else {
                        Class<?> first = (Class<?>) define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
                        lookups.put(packageName, MethodHandles.privateLookupIn(first, MethodHandles.lookup()));
                    }
                } catch (InvocationTargetException | LinkageError e) {
                    Throwable failure = e instanceof InvocationTargetException ? e.getCause() : e;
                    if (failure instanceof NoClassDefFoundError) {
                        retry.add(name);
                        lastFailure = failure;
                    } else if (!(failure instanceof LinkageError && isInBootstrap(name))) {
                        throw e;
                    }
                }
            }
            if (retry.size() == pending.size()) {
                throw new IllegalStateException("cannot define " + retry, lastFailure);
            }
            pending = retry;
        }
    }

    private static void appendJar(Instrumentation instrumentation, Map<String, byte[]> classes) throws IOException {
        File jar = File.createTempFile("leaktrace-bootstrap", ".jar");
        jar.deleteOnExit();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.putNextEntry(new JarEntry(OwnJar.classFile(c.getKey())));
                out.write(c.getValue());
                out.closeEntry();
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }

}

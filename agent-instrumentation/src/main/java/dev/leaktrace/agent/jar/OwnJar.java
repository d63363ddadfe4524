package dev.leaktrace.agent.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads the agent's own class files and resources from its jar (or its classes folder, when run
 * from a build).
 * Not through {@code getResourceAsStream}: the application class loader first searches the JDK's
 * modules for a resource, and opening the runtime image reader for that costs start-up time
 * (docs/performance.md).
 */
public final class OwnJar {
    private OwnJar() {
    }

    /** A resource's bytes, by its path in the jar ({@code dev/leaktrace/...}), or null when there is none. */
    public static byte[] readEntry(String path) throws IOException {
        Path source = codeSource();
        if (Files.isDirectory(source)) {
            Path file = source.resolve(path);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        try (JarFile jar = new JarFile(source.toFile(), false)) {
            JarEntry e = jar.getJarEntry(path);
            if (e == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    /** Class bytes by binary name, in the order given. */
    public static Map<String, byte[]> readClasses(List<String> binaryNames) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Path source = codeSource();
        if (Files.isDirectory(source)) {
            for (String name : binaryNames) {
                classes.put(name, Files.readAllBytes(source.resolve(classFile(name))));
            }
            return classes;
        }
        // By name, not by listing the jar: walking its thousand entries costs start-up time. The
        // JDK shares the jar's opened central directory with the class loader's copy.
        try (JarFile jar = new JarFile(source.toFile(), false)) {
            for (String name : binaryNames) {
                JarEntry e = jar.getJarEntry(classFile(name));
                if (e == null) {
                    throw new IOException(source + " lacks the class " + name);
                }
                try (InputStream in = jar.getInputStream(e)) {
                    classes.put(name, in.readAllBytes());
                }
            }
        }
        return classes;
    }

    /** The jar (or, in a build's tests, the folder) the agent's classes come from. */
    public static Path location() throws IOException {
        return codeSource();
    }

    public static String classFile(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }

    private static Path codeSource() throws IOException {
        try {
            CodeSource source = OwnJar.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                return Path.of(source.getLocation().toURI());
            }
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the agent's jar: " + e, e);
        }
        return onBootClassPath();
    }

    /**
     * Loaded by the bootstrap loader (the manifest's Boot-Class-Path) the classes have no code
     * source; the URL of a class file names the jar the JVM loaded it from.
     */
    private static Path onBootClassPath() throws IOException {
        String self = OwnJar.class.getSimpleName() + ".class";
        URL url = OwnJar.class.getResource(self);
        try {
            if (url != null && "jar".equals(url.getProtocol())) {
                String path = url.getPath(); // file:/.../leaktrace.jar!/dev/leaktrace/agent/jar/OwnJar.class
                return Path.of(new URI(path.substring(0, path.lastIndexOf("!/"))));
            }
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the agent's jar from " + url + ": " + e, e);
        }
        throw new IOException("cannot locate the agent's jar: no code source, and " + self + " is at " + url);
    }
}

package dev.leaktrace.agent;

import dev.leaktrace.bootstrap.Warnings;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Warns when the JVM took the agent's classes from another jar than the one -javaagent names.
 *
 * <p>The manifest's {@code Boot-Class-Path: leaktrace.jar} names a file beside the agent's jar. For
 * a jar named leaktrace.jar that is the jar itself; for a renamed one (leaktrace-0.2.jar) it is
 * whatever leaktrace.jar lies in the same folder, perhaps another version, whose classes the JVM
 * then runs. Only asked when the agent's classes came from the boot class path; reads the
 * command line from /proc (Linux) and JAVA_TOOL_OPTIONS, so it costs nothing measurable.
 */
final class JarNameCheck {
    static final String BOOT_JAR = "leaktrace.jar";
    private static final String OPTION = "-javaagent:";

    private JarNameCheck() {
    }

    static void warnIfShadowed() {
        try {
            for (String jar : agentJars(commandLine())) {
                String shadowing = shadowingJar(jar);
                if (shadowing != null) {
                    Warnings.warn("-javaagent:" + jar + " was loaded from " + shadowing + " instead, the jar of"
                            + " that name beside it (the manifest's Boot-Class-Path), which may be another version."
                            + " Rename " + jar + " to " + BOOT_JAR + ", or move it to a folder without one.");
                }
            }
        } catch (IOException | RuntimeException e) {
            // no command line to read (not Linux): nothing to check
        }
    }

    /** The jar beside {@code jar} that the boot class path took instead of it; null when none did. */
    static String shadowingJar(String jar) throws IOException {
        File file = new File(jar).getAbsoluteFile();
        if (file.getName().equals(BOOT_JAR)) {
            return null;
        }
        File sibling = new File(file.getParentFile(), BOOT_JAR);
        if (!sibling.isFile() || !file.isFile() || !isLeaktrace(file)) {
            return null;
        }
        return sibling.getPath();
    }

    /** A jar of ours, by its manifest: another agent's jar beside leaktrace.jar is none of our business. */
    private static boolean isLeaktrace(File jar) throws IOException {
        try (JarFile j = new JarFile(jar, false)) {
            Manifest m = j.getManifest();
            return m != null && BOOT_JAR.equals(m.getMainAttributes().getValue("Boot-Class-Path"))
                    && AgentEntry.class.getName().equals(m.getMainAttributes().getValue("Premain-Class"));
        }
    }

    /** The jar paths of every -javaagent: option, options after '=' cut off. */
    static List<String> agentJars(List<String> arguments) {
        List<String> jars = new ArrayList<>();
        for (String a : arguments) {
            if (a.startsWith(OPTION)) {
                String spec = a.substring(OPTION.length());
                int options = spec.indexOf('=');
                jars.add(options < 0 ? spec : spec.substring(0, options));
            }
        }
        return jars;
    }

    private static List<String> commandLine() throws IOException {
        List<String> arguments = new ArrayList<>();
        String tool = System.getenv("JAVA_TOOL_OPTIONS");
        if (tool != null) {
            for (String a : tool.trim().split(" ")) {
                arguments.add(a);
            }
        }
        byte[] bytes;
        try (InputStream in = new FileInputStream("/proc/self/cmdline")) {
            bytes = in.readAllBytes();
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                arguments.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return arguments;
    }
}

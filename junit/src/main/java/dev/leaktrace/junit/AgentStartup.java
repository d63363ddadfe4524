package dev.leaktrace.junit;

import dev.leaktrace.agent.Leaktrace;
import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.config.TraceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs the agent once per JVM, with no types, before any config is parsed.
 *
 * <p>Parsing a config loads {@code dev.leaktrace.api.SizeEstimator} (the default size rule names
 * it), and that package, like {@code dev.leaktrace.bootstrap}, must be defined by the agent's
 * installation in the bootstrap class loader; loaded first from the class path, it makes every
 * traced class fail with a loader constraint violation. So the agent is installed with an empty
 * config first, and the annotation's types are added to it once parsed.
 */
final class AgentStartup {
    private static final Pattern OUTPUT = Pattern.compile("(?m)^output\\s*:\\s*(.*?)\\s*$");
    private static String failure;
    private static boolean done;

    private AgentStartup() {
    }

    /** @return null when the agent runs, else why it cannot */
    static synchronized String ensureInstalled(LeakCheck check, ClassLoader loader) {
        if (!done) {
            done = true;
            if (!Leaktrace.isInstalled()) {
                String output = outputOf(check, loader);
                TraceConfig empty = new TraceConfig("@LeakCheck (output " + output + ")", output,
                        TraceConfig.OnConfigError.STOP, List.of());
                try {
                    if (!Leaktrace.trace(empty)) {
                        failure = "leaktrace: cannot install the agent in this JVM (see the leaktrace lines on"
                                + " stderr). Run the tests with -javaagent:leaktrace.jar=config=... in Surefire's"
                                + " argLine, or allow the self-attach with -Djdk.attach.allowAttachSelf=true.";
                    }
                } catch (RuntimeException | LinkageError e) {
                    failure = "leaktrace: cannot install the agent in this JVM: " + e;
                }
            }
        }
        return failure;
    }

    /**
     * The output for the installation: the annotation's, else the {@code output:} line of its config
     * file (read as text, since it cannot be parsed yet), else none.
     */
    static String outputOf(LeakCheck check, ClassLoader loader) {
        if (!check.output().isBlank()) {
            return check.output().trim();
        }
        String location = check.config().trim();
        if (!location.isEmpty() && !location.startsWith(ConfigLoader.RECIPE_PREFIX)) {
            String text = read(location, loader);
            Matcher m = text == null ? null : OUTPUT.matcher(text);
            if (m != null && m.find()) {
                String value = m.group(1).replaceFirst("\\s+#.*$", "");
                if (value.length() >= 2 && (value.startsWith("'") || value.startsWith("\""))
                        && value.endsWith(value.substring(0, 1))) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return "none";
    }

    /** A file, else a class-path resource; null when neither can be read. */
    static String read(String location, ClassLoader loader) {
        try {
            Path path = Path.of(location);
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String resource = location.startsWith("/") ? location.substring(1) : location;
        ClassLoader from = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try (InputStream in = from.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}

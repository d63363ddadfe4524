package dev.leaktrace.junit;

import dev.leaktrace.agent.config.ClassPattern;
import dev.leaktrace.agent.config.ConfigException;
import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.config.TraceConfig;
import dev.leaktrace.agent.config.TypeEntry;
import dev.leaktrace.agent.instrument.LoadedSupertypes;
import dev.leaktrace.agent.instrument.TypeRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What one {@link LeakCheck} asks for: the config to trace, and which live objects count. */
final class CheckSettings {
    final TraceConfig config;
    final long gcTimeoutMillis;
    private final ClassLoader loader;
    private final TypeRules rules;

    private CheckSettings(TraceConfig config, long gcTimeoutMillis, ClassLoader loader) {
        this.config = config;
        this.gcTimeoutMillis = gcTimeoutMillis;
        this.loader = loader;
        this.rules = new TypeRules(config.types());
    }

    /** @throws ExtensionConfigurationException naming the annotation and what is wrong with it */
    static CheckSettings of(LeakCheck check, Class<?> testClass) {
        String where = "@LeakCheck on " + testClass.getName();
        if (check.gcTimeoutMillis() < 0) {
            throw new ExtensionConfigurationException(where + ": gcTimeoutMillis must not be negative");
        }
        ClassLoader loader = testClass.getClassLoader();
        List<TypeEntry> types = new ArrayList<>();
        String output = null;
        String name = where;
        try {
            if (!check.config().isBlank()) {
                TraceConfig file = load(check.config().trim(), loader);
                types.addAll(file.types());
                output = file.output();
                name = file.file();
            }
            if (check.types().length > 0) {
                types.addAll(inline(where, check.types(), loader).types());
            }
        } catch (ConfigException e) {
            throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
        }
        if (types.isEmpty()) {
            throw new ExtensionConfigurationException(where + " names no type to check: set types, e.g."
                    + " @LeakCheck(types = \"com.example.Connection\"), or config = \"leaktrace.yaml\"");
        }
        if (!check.output().isBlank()) {
            output = check.output().trim();
        } else if (output == null) {
            output = "none";
        }
        return new CheckSettings(new TraceConfig(name, output, TraceConfig.OnConfigError.STOP, types),
                check.gcTimeoutMillis(), loader);
    }

    /**
     * The inline types as a config, through the agent's own loader so they are checked the same way;
     * a class name must be on the test's class path, since a misspelt one would check nothing.
     */
    private static TraceConfig inline(String where, String[] types, ClassLoader loader) throws ConfigException {
        StringBuilder yaml = new StringBuilder("types:\n");
        for (String type : types) {
            ClassPattern pattern;
            try {
                pattern = ClassPattern.parse(type);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("types: " + e.getMessage());
            }
            if (pattern.exactName() != null && !onClassPath(pattern.exactName(), loader)) {
                throw new ConfigException("types: '" + pattern.exactName() + "' is not on the class path, so"
                        + " nothing would be checked. Check the spelling (a nested class is Outer$Inner).");
            }
            yaml.append("  - class: '").append(type.trim().replace("'", "''")).append("'\n");
        }
        return ConfigLoader.parse(where, new StringReader(yaml.toString()));
    }

    private static boolean onClassPath(String binaryName, ClassLoader loader) {
        try {
            Class.forName(binaryName, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A recipe, a file (relative to the working directory) or a class-path resource, in that order. */
    private static TraceConfig load(String location, ClassLoader loader) throws ConfigException {
        if (location.startsWith(ConfigLoader.RECIPE_PREFIX) || Files.isRegularFile(Path.of(location))) {
            return ConfigLoader.load(location);
        }
        String resource = location.startsWith("/") ? location.substring(1) : location;
        ClassLoader from = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try (InputStream in = from.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("config '" + location + "' is neither a file (working directory "
                        + Path.of("").toAbsolutePath() + ") nor a class-path resource. Give a path, a resource"
                        + " such as leaktrace.yaml in src/test/resources, or recipe:NAME.");
            }
            return ConfigLoader.parse(location, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("config '" + location + "': cannot read the resource: " + e.getMessage());
        }
    }

    /** Whether a live object of this class is one the annotation checks: as the agent matches it. */
    boolean checks(String binaryName) {
        return rules.entryFor(binaryName, this::supertypeNames) != null;
    }

    /** Names of the class's superclasses and interfaces; empty when it cannot be loaded from here. */
    private Iterable<String> supertypeNames(String binaryName) {
        try {
            return LoadedSupertypes.namesOf(Class.forName(binaryName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
    }
}

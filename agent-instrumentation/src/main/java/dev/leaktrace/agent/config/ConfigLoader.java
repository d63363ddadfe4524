package dev.leaktrace.agent.config;

import dev.leaktrace.agent.jar.OwnJar;
import dev.leaktrace.agent.spelling.Suggestions;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a config file into a {@link TraceConfig}, checking everything it can before the
 * application starts; every message names the file, the line and the key, and says what to do.
 */
public final class ConfigLoader {
    /** Prefix of a config name that means one of the recipes shipped inside the jar. */
    public static final String RECIPE_PREFIX = "recipe:";
    /** Deep enough for recipes that include recipes; a cycle stops here with a message. */
    private static final int MAX_INCLUDE_DEPTH = 8;

    private ConfigLoader() {
    }

    /** Loads a file path, or a bundled recipe named {@code recipe:NAME}. */
    public static TraceConfig load(String location) throws ConfigException {
        return load(location, 0);
    }

    private static TraceConfig load(String location, int depth) throws ConfigException {
        if (location.startsWith(RECIPE_PREFIX)) {
            String name = location.substring(RECIPE_PREFIX.length());
            byte[] recipe;
            try {
                // From the jar by name: getResourceAsStream would first open the JDK's runtime image.
                recipe = name.contains("/") ? null : OwnJar.readEntry("dev/leaktrace/recipes/" + name + ".yaml");
            } catch (IOException e) {
                throw new ConfigException("config '" + location + "': cannot read the recipe: " + e.getMessage());
            }
            if (recipe == null) {
                throw new ConfigException("config '" + location + "': no such recipe. Bundled recipes: "
                        + String.join(", ", Recipes.names()));
            }
            return parse(location, new StringReader(new String(recipe, StandardCharsets.UTF_8)), depth);
        }
        File file = new File(location);
        if (!file.exists()) {
            throw new ConfigException("config file '" + location + "' not found (working directory "
                    + Path.of("").toAbsolutePath() + "). Pass config=PATH with the path of your leaktrace.yaml.");
        }
        String text;
        // java.io, not Files.readString: its channel classes are some 25 more loaded before main.
        try (FileInputStream in = new FileInputStream(file)) {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("config file '" + location + "' is not UTF-8 text: " + e
                    + ". Save it as UTF-8.");
        } catch (IOException e) {
            throw new ConfigException("config file '" + location + "' cannot be read: " + e
                    + ". Check that it is a readable file.");
        }
        return parse(location, new StringReader(text), depth);
    }

    public static TraceConfig parse(String file, Reader reader) throws ConfigException {
        return parse(file, reader, 0);
    }

    /**
     * Parses a sample config into nodes (nothing else), so that the YAML parser's classes are
     * loaded; the agent runs it on a second thread while it starts.
     */
    public static void preload() {
        try {
            YamlReader.read(new StringReader(PRELOAD_SAMPLE));
        } catch (RuntimeException ignored) {
            // only a warm-up
        }
    }

    private static final String PRELOAD_SAMPLE = "# sample\noutput: x.log\ninclude: [a]\ntypes:\n"
            + "  - class: a.B\n    size: 'n * 8'\n    drop: [close, \"free\"]\n    subtypes: true\n";

    private static TraceConfig parse(String file, Reader reader, int depth) throws ConfigException {
        YamlNode root;
        try {
            root = YamlReader.read(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw ConfigException.at(file, line, null, "not valid YAML: " + e.getProblem()
                    + ". Fix the syntax; see the config reference in the README.");
        } catch (YAMLException e) {
            throw ConfigException.at(file, 0, null, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw ConfigException.at(file, 1, null, "the config file is empty. It needs at least a 'types:' list,"
                    + " e.g.\ntypes:\n  - class: com.example.MyResource");
        }
        if (!(root instanceof YamlNode.Mapping)) {
            throw ConfigException.at(file, root.line, null, "expected a mapping with 'output:' and 'types:' at the"
                    + " top of the file, found " + root.describe());
        }
        TopLevelKey.Values top = new TopLevelKey.Values(depth);
        for (YamlNode.Entry entry : ((YamlNode.Mapping) root).entries) {
            ConfigValues.keyOf(file, entry, TopLevelKey.BY_NAME).read(top, file, entry.value);
        }
        List<TypeEntry> types = top.types == null ? null : typeList(file, top.types, top.stacks);
        if ((types == null || types.isEmpty()) && top.included.isEmpty()) {
            throw ConfigException.at(file, root.line, "types", "missing or empty: list the classes to trace, e.g.\n"
                    + "types:\n  - class: com.example.MyResource");
        }
        // The file's own entries come first: on a tie of specificity they win over included ones.
        List<TypeEntry> all = new ArrayList<>(types == null ? List.of() : types);
        all.addAll(top.included);
        return new TraceConfig(file, top.output, top.onConfigError, all,
                new LogSettings(top.logMode, top.survivorAgeMillis, top.metrics, top.jfr), top.library, top.paths);
    }

    /**
     * {@code include: [jdbc, ../shared/more.yaml]}: bundled recipes by name, or files relative to
     * the including file. Only their types are taken; output and onConfigError stay this file's.
     */
    static List<TypeEntry> includes(String file, YamlNode value, int depth) throws ConfigException {
        List<String> names = new ArrayList<>();
        if (value instanceof YamlNode.Scalar) {
            names.add(ConfigValues.scalar(file, "include", value));
        } else if (value instanceof YamlNode.Sequence) {
            for (YamlNode n : ((YamlNode.Sequence) value).items) {
                names.add(ConfigValues.scalar(file, "include", n));
            }
        } else {
            throw ConfigException.at(file, value.line, "include", "expected a list of recipe names or files, such as"
                    + " [jdk-io, jdbc], found " + value.describe());
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw ConfigException.at(file, value.line, "include", "includes nest deeper than " + MAX_INCLUDE_DEPTH
                    + " levels; is there a cycle?");
        }
        List<TypeEntry> entries = new ArrayList<>();
        for (String name : names) {
            String location;
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                Path base = file.startsWith(RECIPE_PREFIX) ? null : Path.of(file).toAbsolutePath().getParent();
                location = base == null ? name : base.resolve(name).normalize().toString();
            } else if (Recipes.names().contains(name)) {
                location = RECIPE_PREFIX + name;
            } else {
                String near = Suggestions.nearest(name, Recipes.names());
                throw ConfigException.at(file, value.line, "include", "'" + name + "' is neither a bundled recipe"
                        + (near != null ? " (did you mean '" + near + "'?)" : "") + " nor a .yaml file. Recipes: "
                        + String.join(", ", Recipes.names()) + ".");
            }
            try {
                entries.addAll(load(location, depth + 1).types());
            } catch (ConfigException e) {
                throw ConfigException.at(file, value.line, "include", "cannot include '" + name + "': " + e.getMessage());
            }
        }
        return entries;
    }

    private static List<TypeEntry> typeList(String file, YamlNode value, int defaultStacks) throws ConfigException {
        if (!(value instanceof YamlNode.Sequence)) {
            throw ConfigException.at(file, value.line, "types", "expected a list of entries ('- class: ...'), found "
                    + value.describe());
        }
        List<TypeEntry> entries = new ArrayList<>();
        for (YamlNode item : ((YamlNode.Sequence) value).items) {
            entries.add(typeEntry(file, item, defaultStacks));
        }
        return entries;
    }

    private static TypeEntry typeEntry(String file, YamlNode item, int defaultStacks) throws ConfigException {
        if (!(item instanceof YamlNode.Mapping)) {
            throw ConfigException.at(file, item.line, "types", "each entry must be a mapping such as"
                    + " '- class: com.example.Foo', found " + item.describe());
        }
        TypeEntryKey.Values values = new TypeEntryKey.Values(defaultStacks);
        for (YamlNode.Entry entry : ((YamlNode.Mapping) item).entries) {
            TypeEntryKey key = ConfigValues.keyOf(file, entry, TypeEntryKey.BY_NAME);
            values.keySources.put(key.key, file + ":" + entry.value.line);
            key.read(values, file, entry.value);
        }
        if (values.pattern == null) {
            throw ConfigException.at(file, item.line, "class", "missing: every entry names the class to trace,"
                    + " e.g. '- class: com.example.Foo' (or com.example.* / com.example.**)");
        }
        return new TypeEntry(values.pattern, values.subtypes, values.size, values.drops, file + ":" + item.line,
                values.stacks, values.keySources, values.library)
                .withRefcount(new RefcountKeys(values.renews, values.dropIfTrue, values.excludes));
    }
}

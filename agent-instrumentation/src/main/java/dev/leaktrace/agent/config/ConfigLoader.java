package dev.leaktrace.agent.config;

import dev.leaktrace.agent.jar.OwnJar;
import dev.leaktrace.agent.size.SizeRule;
import dev.leaktrace.agent.size.SizeRuleException;
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
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a config file into a {@link TraceConfig}, checking everything it can before the
 * application starts; every message names the file, the line and the key, and says what to do.
 */
public final class ConfigLoader {
    /** Prefix of a config name that means one of the recipes shipped inside the jar. */
    public static final String RECIPE_PREFIX = "recipe:";
    private static final Set<String> TOP_KEYS = Set.of("output", "types", "onConfigError", "include", "stacks");
    /** Deep enough for recipes that include recipes; a cycle stops here with a message. */
    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final Set<String> TYPE_KEYS = Set.of("class", "size", "drop", "subtypes", "stacks");
    /** More frames than this only make lines longer, not leaks easier to find. */
    private static final int MAX_STACKS = 256;

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
        String output = null;
        TraceConfig.OnConfigError onError = TraceConfig.OnConfigError.STOP;
        List<TypeEntry> types = null;
        List<TypeEntry> included = new ArrayList<>();
        YamlNode typesNode = null;
        int stacks = 0;
        for (YamlNode.Entry entry : ((YamlNode.Mapping) root).entries) {
            String key = keyOf(file, entry, TOP_KEYS);
            YamlNode value = entry.value;
            switch (key) {
                case "output":
                    output = scalar(file, key, value);
                    break;
                case "onConfigError":
                    String mode = scalar(file, key, value);
                    if (mode.equals("warn")) {
                        onError = TraceConfig.OnConfigError.WARN;
                    } else if (!mode.equals("stop")) {
                        throw ConfigException.at(file, value.line, key, "'" + mode
                                + "' is not a mode: use 'stop' (the default: exit 78 on a bad config) or 'warn'"
                                + " (run the application untraced)");
                    }
                    break;
                case "include":
                    included.addAll(includes(file, value, depth));
                    break;
                case "stacks":
                    stacks = stackDepth(file, value);
                    break;
                default:
                    typesNode = value;
            }
        }
        if (typesNode != null) {
            types = typeList(file, typesNode, stacks);
        }
        if ((types == null || types.isEmpty()) && included.isEmpty()) {
            throw ConfigException.at(file, root.line, "types", "missing or empty: list the classes to trace, e.g.\n"
                    + "types:\n  - class: com.example.MyResource");
        }
        // The file's own entries come first: on a tie of specificity they win over included ones.
        List<TypeEntry> all = new ArrayList<>(types == null ? List.of() : types);
        all.addAll(included);
        return new TraceConfig(file, output, onError, all);
    }

    /**
     * {@code include: [jdbc, ../shared/more.yaml]}: bundled recipes by name, or files relative to
     * the including file. Only their types are taken; output and onConfigError stay this file's.
     */
    private static List<TypeEntry> includes(String file, YamlNode value, int depth) throws ConfigException {
        List<String> names = new ArrayList<>();
        if (value instanceof YamlNode.Scalar) {
            names.add(scalar(file, "include", value));
        } else if (value instanceof YamlNode.Sequence) {
            for (YamlNode n : ((YamlNode.Sequence) value).items) {
                names.add(scalar(file, "include", n));
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

    private static int stackDepth(String file, YamlNode value) throws ConfigException {
        String text = scalar(file, "stacks", value);
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= MAX_STACKS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.at(file, value.line, "stacks", "'" + text + "' is not a number of frames from 0 to "
                + MAX_STACKS + " (e.g. stacks: 16; 0 records no stacks)");
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
        ClassPattern pattern = null;
        SizeRule size = SizeRule.shallow();
        List<String> drops = null;
        boolean subtypes = false;
        int stacks = defaultStacks;
        java.util.Map<String, String> keySources = new java.util.HashMap<>();
        for (YamlNode.Entry entry : ((YamlNode.Mapping) item).entries) {
            String key = keyOf(file, entry, TYPE_KEYS);
            YamlNode value = entry.value;
            keySources.put(key, file + ":" + value.line);
            switch (key) {
                case "class":
                    String text = scalar(file, key, value);
                    try {
                        pattern = ClassPattern.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw ConfigException.at(file, value.line, key, e.getMessage());
                    }
                    break;
                case "size":
                    size = sizeRule(file, scalar(file, key, value), value);
                    break;
                case "drop":
                    drops = dropList(file, value);
                    break;
                case "stacks":
                    stacks = stackDepth(file, value);
                    break;
                default:
                    String flag = scalar(file, key, value);
                    if (!flag.equals("true") && !flag.equals("false")) {
                        throw ConfigException.at(file, value.line, key, "'" + flag + "' is not true or false");
                    }
                    subtypes = flag.equals("true");
            }
        }
        if (pattern == null) {
            throw ConfigException.at(file, item.line, "class", "missing: every entry names the class to trace,"
                    + " e.g. '- class: com.example.Foo' (or com.example.* / com.example.**)");
        }
        return new TypeEntry(pattern, subtypes, size, drops, file + ":" + item.line, stacks, keySources);
    }

    private static SizeRule sizeRule(String file, String source, YamlNode value) throws ConfigException {
        // A bare word near a keyword is a typo ("deeep"), not a field of that name: say so now,
        // rather than when the class loads.
        String keyword = Suggestions.nearest(source, List.of("shallow", "deep"));
        if (keyword != null && !keyword.equals(source) && isLetters(source)
                && Character.toLowerCase(source.charAt(0)) == keyword.charAt(0)) {
            throw ConfigException.at(file, value.line, "size", "unknown size keyword '" + source + "'; did you mean '"
                    + keyword + "'? Use a number of bytes, shallow, deep, class:com.example.MyEstimator or an"
                    + " expression such as 'data.length * 8 + 16'.");
        }
        try {
            return SizeRule.parse(source);
        } catch (SizeRuleException e) {
            String where = e.column() > 0 ? " (column " + e.column() + " of the expression)" : "";
            throw ConfigException.at(file, value.line, "size", e.getMessage() + where
                    + ". Use a number of bytes, shallow, deep, class:com.example.MyEstimator or an expression"
                    + " such as 'data.length * 8 + 16'.");
        }
    }

    private static List<String> dropList(String file, YamlNode value) throws ConfigException {
        List<String> names = new ArrayList<>();
        if (value instanceof YamlNode.Scalar) {
            names.add(((YamlNode.Scalar) value).value.trim());
        } else if (value instanceof YamlNode.Sequence) {
            for (YamlNode n : ((YamlNode.Sequence) value).items) {
                names.add(scalar(file, "drop", n));
            }
        } else {
            throw ConfigException.at(file, value.line, "drop", "expected a list of method names such as [close],"
                    + " found " + value.describe());
        }
        if (names.isEmpty()) {
            throw ConfigException.at(file, value.line, "drop", "the list is empty: name at least one method, or"
                    + " 'gc' to count collection by the garbage collector as the drop");
        }
        for (String name : names) {
            if (ClassPattern.isIdentifier(name)) {
                continue;
            }
            throw ConfigException.at(file, value.line, "drop", "'" + name + "' is not a method name: write plain"
                    + " names such as close or release (no parentheses or arguments), or gc");
        }
        return names;
    }

    private static String keyOf(String file, YamlNode.Entry entry, Set<String> known) throws ConfigException {
        YamlNode keyNode = entry.key;
        if (!(keyNode instanceof YamlNode.Scalar)) {
            throw ConfigException.at(file, keyNode.line, null, "keys must be plain words");
        }
        String key = ((YamlNode.Scalar) keyNode).value;
        if (!known.contains(key)) {
            String near = Suggestions.nearest(key, known);
            throw ConfigException.at(file, keyNode.line, key, "unknown key"
                    + (near != null ? "; did you mean '" + near + "'?" : "")
                    + " Known keys here: " + String.join(", ", new java.util.TreeSet<>(known)) + ".");
        }
        return key;
    }

    private static String scalar(String file, String key, YamlNode value) throws ConfigException {
        if (!(value instanceof YamlNode.Scalar)) {
            throw ConfigException.at(file, value.line, key, "expected a single value, found " + value.describe());
        }
        String text = ((YamlNode.Scalar) value).value.trim();
        if (text.isEmpty()) {
            throw ConfigException.at(file, value.line, key, "the value is empty");
        }
        return text;
    }


    /** A plain word (no regular expression: this runs before the application starts). */
    private static boolean isLetters(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}

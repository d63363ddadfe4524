package dev.leaktrace.agent.config;

import dev.leaktrace.agent.spelling.Suggestions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Reading the keys and the plain values of a config's mappings, with messages that say what to do. */
final class ConfigValues {
    /** More frames than this only make lines longer, not leaks easier to find. */
    static final int MAX_STACKS = 256;

    private ConfigValues() {
    }

    /** A key of a mapping, as written in a file. */
    interface Key {
        String key();
    }

    /** A table of keys by their names, in the order given. */
    static <K extends Key> Map<String, K> byName(K[] keys) {
        Map<String, K> byName = new LinkedHashMap<>();
        for (K k : keys) {
            byName.put(k.key(), k);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** What {@code table} (keys by their names) has for the entry's key; an unknown key is an error. */
    static <K> K keyOf(String file, YamlNode.Entry entry, Map<String, K> table) throws ConfigException {
        YamlNode keyNode = entry.key;
        if (!(keyNode instanceof YamlNode.Scalar)) {
            throw ConfigException.at(file, keyNode.line, null, "keys must be plain words");
        }
        String key = ((YamlNode.Scalar) keyNode).value;
        K known = table.get(key);
        if (known == null) {
            String near = Suggestions.nearest(key, table.keySet());
            throw ConfigException.at(file, keyNode.line, key, "unknown key"
                    + (near != null ? "; did you mean '" + near + "'?" : "")
                    + " Known keys here: " + String.join(", ", new TreeSet<>(table.keySet())) + ".");
        }
        return known;
    }

    static String scalar(String file, String key, YamlNode value) throws ConfigException {
        if (!(value instanceof YamlNode.Scalar)) {
            throw ConfigException.at(file, value.line, key, "expected a single value, found " + value.describe());
        }
        String text = ((YamlNode.Scalar) value).value.trim();
        if (text.isEmpty()) {
            throw ConfigException.at(file, value.line, key, "the value is empty");
        }
        return text;
    }

    /** {@code stacks: N}, at the top or in a type entry. */
    static int stackDepth(String file, YamlNode value) throws ConfigException {
        return count(file, "stacks", value, MAX_STACKS, "frames", "(e.g. stacks: 16; 0 records no stacks)");
    }

    /** {@code paths: N}: objects per leaked group that get a path from a GC root at exit. */
    static int pathExamples(String file, YamlNode value) throws ConfigException {
        return count(file, "paths", value, MAX_PATHS, "objects", "(e.g. paths: 3: at exit, a heap dump gives 3 objects"
                + " of each leaked group a path from a GC root; 0, the default, dumps nothing)");
    }

    /** A whole number from 0 to {@code max} of {@code unit}s; the message shows an example. */
    private static int count(String file, String key, YamlNode value, int max, String unit, String example)
            throws ConfigException {
        String text = scalar(file, key, value);
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.at(file, value.line, key, "'" + text + "' is not a number of " + unit + " from 0 to "
                + max + " " + example);
    }

    /** Paths per group, at most: each is a line, and a handful tells who holds a group. */
    static final int MAX_PATHS = 1000;
}

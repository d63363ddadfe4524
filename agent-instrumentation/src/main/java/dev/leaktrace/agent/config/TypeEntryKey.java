package dev.leaktrace.agent.config;

import dev.leaktrace.agent.size.SizeRule;
import dev.leaktrace.agent.size.SizeRuleException;
import dev.leaktrace.agent.spelling.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one entry of {@code types:}, each with the parser of its value: this enum is the
 * table of known keys, so a key cannot be known without its parser.
 */
enum TypeEntryKey implements ConfigValues.Key {
    CLASS("class") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            String text = ConfigValues.scalar(file, key, value);
            try {
                into.pattern = ClassPattern.parse(text);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, value.line, key, e.getMessage());
            }
        }
    },
    SIZE("size") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.size = sizeRule(file, ConfigValues.scalar(file, key, value), value);
        }
    },
    DROP("drop") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.drops = dropList(file, value);
        }
    },
    SUBTYPES("subtypes") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.subtypes = flag(file, key, value);
        }
    },
    STACKS("stacks") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.stacks = ConfigValues.stackDepth(file, value);
        }
    },
    RENEW("renew") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.renews = methodList(file, key, value, false);
        }
    },
    DROP_IF_TRUE("drop-if-true") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.dropIfTrue = flag(file, key, value);
        }
    },
    EXCLUDE("exclude") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            List<ClassPattern> patterns = new ArrayList<>();
            for (YamlNode n : items(file, key, value, "class patterns such as [com.example.Wrapper]")) {
                YamlNode item = n;
                try {
                    patterns.add(ClassPattern.parse(ConfigValues.scalar(file, key, item)));
                } catch (IllegalArgumentException e) {
                    throw ConfigException.at(file, item.line, key, e.getMessage());
                }
            }
            into.excludes = patterns;
        }
    },
    LIBRARY("library") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.library = LibraryPatterns.read(file, value, true);
        }
    };

    /** The known keys by their names, as written in a file. */
    static final Map<String, TypeEntryKey> BY_NAME = ConfigValues.byName(values());

    /** The key as written in a file. */
    final String key;

    TypeEntryKey(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    abstract void read(Values into, String file, YamlNode value) throws ConfigException;

    /** What the keys of one entry set; each starts as the entry's default. */
    static final class Values {
        ClassPattern pattern;
        SizeRule size = SizeRule.shallow();
        /** Null for the default, decided per class. */
        List<String> drops;
        boolean subtypes;
        int stacks;
        LibraryPatterns library = LibraryPatterns.NONE;
        List<String> renews = List.of();
        boolean dropIfTrue;
        List<ClassPattern> excludes = List.of();
        /** "file:line" of each key's value, by key. */
        final Map<String, String> keySources = new HashMap<>();

        Values(int defaultStacks) {
            this.stacks = defaultStacks;
        }
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
        return methodList(file, "drop", value, true);
    }

    private static boolean flag(String file, String key, YamlNode value) throws ConfigException {
        String flag = ConfigValues.scalar(file, key, value);
        if (!flag.equals("true") && !flag.equals("false")) {
            throw ConfigException.at(file, value.line, key, "'" + flag + "' is not true or false");
        }
        return flag.equals("true");
    }

    /** A scalar or a list, as its items. */
    private static List<YamlNode> items(String file, String key, YamlNode value, String expected)
            throws ConfigException {
        if (value instanceof YamlNode.Scalar) {
            return List.of(value);
        } else if (value instanceof YamlNode.Sequence) {
            List<YamlNode> items = ((YamlNode.Sequence) value).items;
            if (items.isEmpty()) {
                throw ConfigException.at(file, value.line, key, "the list is empty: expected " + expected);
            }
            return items;
        }
        throw ConfigException.at(file, value.line, key, "expected a list of " + expected + ", found "
                + value.describe());
    }

    private static List<String> methodList(String file, String key, YamlNode value, boolean gc)
            throws ConfigException {
        List<String> names = new ArrayList<>();
        String expected = gc ? "method names such as [close], or gc to count collection by the garbage collector"
                + " as the drop" : "method names such as [reuse]";
        for (YamlNode n : items(file, key, value, expected)) {
            names.add(ConfigValues.scalar(file, key, n).trim());
        }
        for (String name : names) {
            if (ClassPattern.isIdentifier(name)) {
                continue;
            }
            throw ConfigException.at(file, value.line, key, "'" + name + "' is not a method name: write plain"
                    + " names such as " + (gc ? "close or release" : "reuse")
                    + " (no parentheses or arguments)" + (gc ? ", or gc" : ""));
        }
        return names;
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

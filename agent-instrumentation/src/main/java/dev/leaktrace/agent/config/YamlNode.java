package dev.leaktrace.agent.config;

import java.util.List;

/**
 * A node of a config file: a scalar, a list or a mapping, with the line it starts on (1-based).
 * Only what the config reader needs; YAML tags play no part in a config.
 */
public abstract class YamlNode {
    final int line;

    private YamlNode(int line) {
        this.line = line;
    }

    /** The line it starts on, 1-based. */
    public int line() {
        return line;
    }

    /** "a mapping", "a list" or the scalar in quotes: for messages that say what was found. */
    abstract String describe();

    public static final class Scalar extends YamlNode {
        final String value;

        Scalar(String value, int line) {
            super(line);
            this.value = value;
        }

        public String value() {
            return value;
        }

        @Override
        String describe() {
            return "'" + value + "'";
        }
    }

    public static final class Sequence extends YamlNode {
        final List<YamlNode> items;

        Sequence(List<YamlNode> items, int line) {
            super(line);
            this.items = items;
        }

        public List<YamlNode> items() {
            return items;
        }

        @Override
        String describe() {
            return "a list";
        }
    }

    public static final class Mapping extends YamlNode {
        /** In file order; a key written twice appears twice. */
        final List<Entry> entries;

        Mapping(List<Entry> entries, int line) {
            super(line);
            this.entries = entries;
        }

        /** In file order; a key written twice appears twice. */
        public List<Entry> entries() {
            return entries;
        }

        @Override
        String describe() {
            return "a mapping";
        }
    }

    public static final class Entry {
        final YamlNode key;
        final YamlNode value;

        Entry(YamlNode key, YamlNode value) {
            this.key = key;
            this.value = value;
        }

        public YamlNode key() {
            return key;
        }

        public YamlNode value() {
            return value;
        }
    }
}

package dev.leaktrace.agent.config;

import java.util.List;

/**
 * A node of a config file: a scalar, a list or a mapping, with the line it starts on (1-based).
 * Only what the config reader needs; YAML tags play no part in a config.
 */
abstract class YamlNode {
    final int line;

    private YamlNode(int line) {
        this.line = line;
    }

    /** "a mapping", "a list" or the scalar in quotes: for messages that say what was found. */
    abstract String describe();

    static final class Scalar extends YamlNode {
        final String value;

        Scalar(String value, int line) {
            super(line);
            this.value = value;
        }

        @Override
        String describe() {
            return "'" + value + "'";
        }
    }

    static final class Sequence extends YamlNode {
        final List<YamlNode> items;

        Sequence(List<YamlNode> items, int line) {
            super(line);
            this.items = items;
        }

        @Override
        String describe() {
            return "a list";
        }
    }

    static final class Mapping extends YamlNode {
        /** In file order; a key written twice appears twice. */
        final List<Entry> entries;

        Mapping(List<Entry> entries, int line) {
            super(line);
            this.entries = entries;
        }

        @Override
        String describe() {
            return "a mapping";
        }
    }

    static final class Entry {
        final YamlNode key;
        final YamlNode value;

        Entry(YamlNode key, YamlNode value) {
            this.key = key;
            this.value = value;
        }
    }
}

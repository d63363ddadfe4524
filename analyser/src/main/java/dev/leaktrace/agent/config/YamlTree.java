package dev.leaktrace.agent.config;

import java.io.Reader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link YamlReader}'s nodes for readers outside this package: the analyser reads its budget files
 * as the agent reads its config, with the line of every node. It sits in the reader's package, in
 * the analyser's module, because the reader and its nodes are package-private.
 */
public final class YamlTree {
    /** A scalar, a list or a mapping, with the line it starts on (1-based). */
    public sealed interface Node permits Scalar, Sequence, Mapping {
        int line();
    }

    public record Scalar(String value, int line) implements Node {
    }

    public record Sequence(List<Node> items, int line) implements Node {
    }

    /** @param entries in file order; a key written twice appears twice */
    public record Mapping(List<Entry> entries, int line) implements Node {
    }

    public record Entry(Node key, Node value) {
    }

    private YamlTree() {
    }

    /**
     * The single document of {@code reader}, or null when it has none.
     *
     * @throws org.yaml.snakeyaml.error.YAMLException on bad YAML, as {@link YamlReader#read} does
     */
    public static Node read(Reader reader) {
        YamlNode root = YamlReader.read(reader);
        return root == null ? null : copy(root, new IdentityHashMap<>());
    }

    /** An aliased node is one node of the reader's tree, and stays one here rather than a copy per alias. */
    private static Node copy(YamlNode node, Map<YamlNode, Node> copies) {
        Node copy = copies.get(node);
        if (copy != null) {
            return copy;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            copy = new Scalar(scalar.value, scalar.line);
        } else if (node instanceof YamlNode.Sequence sequence) {
            List<Node> items = new ArrayList<>(sequence.items.size());
            for (YamlNode item : sequence.items) {
                items.add(copy(item, copies));
            }
            copy = new Sequence(List.copyOf(items), sequence.line);
        } else {
            YamlNode.Mapping mapping = (YamlNode.Mapping) node;
            List<Entry> entries = new ArrayList<>(mapping.entries.size());
            for (YamlNode.Entry entry : mapping.entries) {
                entries.add(new Entry(copy(entry.key, copies), copy(entry.value, copies)));
            }
            copy = new Mapping(List.copyOf(entries), mapping.line);
        }
        copies.put(node, copy);
        return copy;
    }
}

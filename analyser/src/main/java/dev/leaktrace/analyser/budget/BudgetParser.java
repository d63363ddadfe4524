package dev.leaktrace.analyser.budget;

import dev.leaktrace.analyser.result.Site;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a budget file. Walks snakeyaml's node tree rather than binding to classes so that every
 * mistake can be reported with its line number.
 */
public final class BudgetParser {
    private static final Set<String> TOP_KEYS = Set.of("budgets", "default");
    private static final Set<String> RULE_KEYS = Set.of("type", "site", "count", "bytes");
    private static final Set<String> DEFAULT_KEYS = Set.of("count", "bytes");

    private final String file;

    private BudgetParser(String file) {
        this.file = file;
    }

    public static Budget read(Path path) throws BudgetException {
        try (Reader reader = Files.newBufferedReader(path)) {
            return parse(path.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new BudgetException("cannot read budget file " + path + ": no such file; check the path");
        } catch (IOException e) {
            throw new BudgetException("cannot read budget file " + path + ": " + e.getMessage());
        }
    }

    public static Budget parse(String file, Reader reader) throws BudgetException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            throw new BudgetException(file + ": not valid YAML: " + e.getMessage());
        }
        return new BudgetParser(file).budget(root);
    }

    private Budget budget(Node root) throws BudgetException {
        if (root == null) {
            throw new BudgetException(file + ": the budget file is empty; expected a 'budgets:' list");
        }
        MappingNode top = mapping(root, "the budget file");
        List<BudgetRule> rules = null;
        BudgetRule fallback = null;
        for (NodeTuple entry : top.getValue()) {
            String key = key(entry, TOP_KEYS);
            Node value = entry.getValueNode();
            if (key.equals("budgets")) {
                rules = rules(value);
            } else {
                fallback = limits(mapping(value, "'default'"), DEFAULT_KEYS, null, null, line(value));
            }
        }
        if (rules == null) {
            throw new BudgetException(at(root) + "missing 'budgets:', the list of allowed leaks per type");
        }
        return new Budget(file, List.copyOf(rules), fallback);
    }

    private List<BudgetRule> rules(Node node) throws BudgetException {
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new BudgetException(at(node) + "'budgets' must be a list of entries starting with '- type: ...'");
        }
        List<BudgetRule> rules = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            MappingNode entry = mapping(item, "a budget entry");
            String type = null;
            String site = null;
            for (NodeTuple field : entry.getValue()) {
                String key = key(field, RULE_KEYS);
                if (key.equals("type")) {
                    type = text(field.getValueNode(), "type");
                } else if (key.equals("site")) {
                    site = text(field.getValueNode(), "site");
                    if (Site.parse(site).line() < 0) {
                        throw new BudgetException(at(field.getValueNode()) + "site '" + site
                                + "' must be <file>:<line>, as printed by 'leaks'");
                    }
                }
            }
            if (type == null) {
                throw new BudgetException(at(item) + "budget entry has no 'type'; give the exact type name, "
                        + "as printed by 'leaks'");
            }
            rules.add(limits(entry, RULE_KEYS, type, site, line(item)));
        }
        return rules;
    }

    private BudgetRule limits(MappingNode entry, Set<String> allowed, String type, String site, int line)
            throws BudgetException {
        Long count = null;
        Long bytes = null;
        for (NodeTuple field : entry.getValue()) {
            String key = key(field, allowed);
            if (key.equals("count")) {
                count = number(field.getValueNode(), "count", false);
            } else if (key.equals("bytes")) {
                bytes = number(field.getValueNode(), "bytes", true);
            }
        }
        if (count == null && bytes == null) {
            throw new BudgetException(file + ":" + line + ": give 'count' and/or 'bytes', the most that may leak");
        }
        return new BudgetRule(type, site, count, bytes, line);
    }

    private String key(NodeTuple tuple, Set<String> allowed) throws BudgetException {
        Node keyNode = tuple.getKeyNode();
        String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : null;
        if (key == null || !allowed.contains(key)) {
            throw new BudgetException(at(keyNode) + "unknown key '" + (key == null ? "?" : key) + "'; expected one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return key;
    }

    private String text(Node node, String what) throws BudgetException {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw new BudgetException(at(node) + "'" + what + "' must be a plain value");
        }
        return scalar.getValue().trim();
    }

    /** A non-negative integer; for bytes, optionally with a binary unit ({@code 10 MiB}). */
    private long number(Node node, String what, boolean units) throws BudgetException {
        String value = text(node, what);
        long multiplier = 1;
        if (units) {
            String[] parts = value.split("\\s+");
            if (parts.length == 2) {
                multiplier = unit(parts[1]);
                value = multiplier > 0 ? parts[0] : value;
            }
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 0 && multiplier > 0) {
                return Math.multiplyExact(number, multiplier);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new BudgetException(at(node) + "'" + what + "' must be a whole number >= 0"
                + (units ? " (optionally with KiB, MiB or GiB)" : "") + ", not '" + text(node, what) + "'");
    }

    private static long unit(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "b" -> 1;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> -1;
        };
    }

    private MappingNode mapping(Node node, String what) throws BudgetException {
        if (!(node instanceof MappingNode mapping)) {
            throw new BudgetException(at(node) + what + " must be a mapping of 'key: value' lines");
        }
        return mapping;
    }

    private String at(Node node) {
        return file + ":" + line(node) + ": ";
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}

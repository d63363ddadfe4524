package dev.leaktrace.analyser.budget;

import dev.leaktrace.agent.config.YamlNode;
import dev.leaktrace.agent.config.YamlNode.Entry;
import dev.leaktrace.agent.config.YamlNode.Mapping;
import dev.leaktrace.agent.config.YamlNode.Scalar;
import dev.leaktrace.agent.config.YamlNode.Sequence;
import dev.leaktrace.agent.config.YamlReader;
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
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a budget file. Walks the tree of the config's YAML reader ({@link YamlReader}) rather than
 * binding to classes, so that every mistake can be reported with its line number.
 */
public final class BudgetParser {
    private static final Set<String> TOP_KEYS = Set.of("budgets", "default", "expected");
    private static final Set<String> EXPECTED_KEYS = Set.of("type", "site");
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
        YamlNode root;
        try {
            root = YamlReader.read(reader);
        } catch (YAMLException e) {
            throw new BudgetException(file + ": not valid YAML: " + e.getMessage());
        }
        return new BudgetParser(file).budget(root);
    }

    private Budget budget(YamlNode root) throws BudgetException {
        if (root == null) {
            throw new BudgetException(file + ": the budget file is empty; expected a 'budgets:' list or a 'default:'");
        }
        Mapping top = mapping(root, "the budget file");
        List<BudgetRule> rules = null;
        BudgetRule fallback = null;
        List<ExpectedLeak> expected = List.of();
        for (Entry entry : top.entries()) {
            String key = key(entry, TOP_KEYS);
            YamlNode value = entry.value();
            if (key.equals("budgets")) {
                rules = rules(value);
            } else if (key.equals("expected")) {
                expected = expected(value);
            } else {
                fallback = limits(mapping(value, "'default'"), DEFAULT_KEYS, null, null, value.line());
            }
        }
        if (rules == null && fallback == null && expected.isEmpty()) {
            throw new BudgetException(at(root) + "give 'budgets:', the list of allowed leaks per type, "
                    + "or 'default:', the allowance of every type, or 'expected:', the objects kept for the whole run");
        }
        return new Budget(file, rules == null ? List.of() : List.copyOf(rules), fallback, expected);
    }

    private List<ExpectedLeak> expected(YamlNode node) throws BudgetException {
        if (node instanceof Scalar scalar && scalar.value().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof Sequence sequence)) {
            throw new BudgetException(at(node) + "'expected' must be a list of entries starting with '- type: ...'");
        }
        List<ExpectedLeak> expected = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            String[] typeAndSite = typeAndSite(mapping(item, "an expected entry"), EXPECTED_KEYS);
            if (typeAndSite[0] == null) {
                throw new BudgetException(at(item) + "expected entry has no 'type'; give the exact type name, "
                        + "as printed by 'leaks'");
            }
            expected.add(new ExpectedLeak(typeAndSite[0], typeAndSite[1], item.line()));
        }
        return List.copyOf(expected);
    }

    /** The {@code type} and {@code site} of an entry (either may be null); other keys must be in {@code allowed}. */
    private String[] typeAndSite(Mapping entry, Set<String> allowed) throws BudgetException {
        String type = null;
        String site = null;
        for (Entry field : entry.entries()) {
            String key = key(field, allowed);
            if (key.equals("type")) {
                type = text(field.value(), "type");
            } else if (key.equals("site")) {
                site = text(field.value(), "site");
                if (Site.parse(site).line() < 0) {
                    throw new BudgetException(at(field.value()) + "site '" + site
                            + "' must be <file>:<line>, as printed by 'leaks'");
                }
            }
        }
        return new String[] {type, site};
    }

    private List<BudgetRule> rules(YamlNode node) throws BudgetException {
        if (node instanceof Scalar scalar && scalar.value().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof Sequence sequence)) {
            throw new BudgetException(at(node) + "'budgets' must be a list of entries starting with '- type: ...'");
        }
        List<BudgetRule> rules = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            Mapping entry = mapping(item, "a budget entry");
            String[] typeAndSite = typeAndSite(entry, RULE_KEYS);
            String type = typeAndSite[0];
            String site = typeAndSite[1];
            if (type == null) {
                throw new BudgetException(at(item) + "budget entry has no 'type'; give the exact type name, "
                        + "as printed by 'leaks'");
            }
            rules.add(limits(entry, RULE_KEYS, type, site, item.line()));
        }
        return rules;
    }

    private BudgetRule limits(Mapping entry, Set<String> allowed, String type, String site, int line)
            throws BudgetException {
        Long count = null;
        Long bytes = null;
        for (Entry field : entry.entries()) {
            String key = key(field, allowed);
            if (key.equals("count")) {
                count = number(field.value(), "count", false);
            } else if (key.equals("bytes")) {
                bytes = number(field.value(), "bytes", true);
            }
        }
        if (count == null && bytes == null) {
            throw new BudgetException(file + ":" + line + ": give 'count' and/or 'bytes', the most that may leak");
        }
        return new BudgetRule(type, site, count, bytes, line);
    }

    private String key(Entry entry, Set<String> allowed) throws BudgetException {
        YamlNode keyNode = entry.key();
        String key = keyNode instanceof Scalar scalar ? scalar.value() : null;
        if (key == null || !allowed.contains(key)) {
            throw new BudgetException(at(keyNode) + "unknown key '" + (key == null ? "?" : key) + "'; expected one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return key;
    }

    private String text(YamlNode node, String what) throws BudgetException {
        if (!(node instanceof Scalar scalar) || scalar.value().isBlank()) {
            throw new BudgetException(at(node) + "'" + what + "' must be a plain value");
        }
        return scalar.value().trim();
    }

    /** A non-negative integer; for bytes, optionally with a binary unit ({@code 10 MiB}). */
    private long number(YamlNode node, String what, boolean units) throws BudgetException {
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

    private Mapping mapping(YamlNode node, String what) throws BudgetException {
        if (!(node instanceof Mapping mapping)) {
            throw new BudgetException(at(node) + what + " must be a mapping of 'key: value' lines");
        }
        return mapping;
    }

    private String at(YamlNode node) {
        return file + ":" + node.line() + ": ";
    }
}

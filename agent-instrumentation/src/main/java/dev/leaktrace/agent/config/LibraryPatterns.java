package dev.leaktrace.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@code library:} value: the classes, by binary name, whose {@code new} of a traced object is
 * charged to the application line that called into them. {@code any} (per entry only) counts
 * every class that makes the entry's objects as library code while a marked call from
 * application code into a library is running.
 */
public final class LibraryPatterns implements Predicate<String> {
    public static final LibraryPatterns NONE = new LibraryPatterns(List.of(), false);
    static final String ANY = "any";

    private final List<ClassPattern> patterns;
    private final boolean any;

    private LibraryPatterns(List<ClassPattern> patterns, boolean any) {
        this.patterns = List.copyOf(patterns);
        this.any = any;
    }

    /** Reads a list of class patterns ({@code anyAllowed}: or the word {@code any}). */
    static LibraryPatterns read(String file, YamlNode value, boolean anyAllowed) throws ConfigException {
        List<String> texts = new ArrayList<>();
        if (value instanceof YamlNode.Scalar) {
            texts.add(((YamlNode.Scalar) value).value.trim());
        } else if (value instanceof YamlNode.Sequence) {
            for (YamlNode n : ((YamlNode.Sequence) value).items) {
                texts.add(ConfigValues.scalar(file, "library", n).trim());
            }
        } else {
            throw ConfigException.at(file, value.line, "library", "expected a list of class patterns such as"
                    + " [io.netty.**, com.example.pool.*], found " + value.describe());
        }
        List<ClassPattern> patterns = new ArrayList<>();
        boolean any = false;
        for (String text : texts) {
            if (text.equals(ANY)) {
                if (!anyAllowed) {
                    throw ConfigException.at(file, value.line, "library", "'any' is for an entry of types: only;"
                            + " at the top level, list the packages of your libraries, e.g. [io.netty.**]");
                }
                any = true;
                continue;
            }
            try {
                patterns.add(ClassPattern.parse(text));
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, value.line, "library", e.getMessage()
                        + (anyAllowed ? " (or 'any')" : ""));
            }
        }
        return new LibraryPatterns(patterns, any);
    }

    public boolean isEmpty() {
        return patterns.isEmpty() && !any;
    }

    /** Whether this is the entry's {@code any}. */
    public boolean any() {
        return any;
    }

    /** Whether the patterns name the class ({@code any} aside). */
    @Override
    public boolean test(String binaryName) {
        for (ClassPattern p : patterns) {
            if (p.matches(binaryName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> texts = new ArrayList<>();
        for (ClassPattern p : patterns) {
            texts.add(p.toString());
        }
        if (any) {
            texts.add(ANY);
        }
        return texts.toString();
    }
}

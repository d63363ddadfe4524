package dev.leaktrace.agent.config;

import dev.leaktrace.agent.size.SizeRule;
import java.util.List;

/** One entry of the config's {@code types:} list. */
public final class TypeEntry {
    public static final String DROP_GC = "gc";

    private final ClassPattern pattern;
    private final boolean subtypes;
    private final SizeRule size;
    /** Method names, or null for the default ([close] when the class has one, else [gc]). */
    private final List<String> drops;
    private final String source;
    private final int stacks;
    private final LibraryPatterns library;
    /** "file:line" of each key's value, for messages about that key. */
    private final java.util.Map<String, String> keySources;
    private RefcountKeys refcount = RefcountKeys.NONE;

    public TypeEntry(ClassPattern pattern, boolean subtypes, SizeRule size, List<String> drops, String source) {
        this(pattern, subtypes, size, drops, source, 0, java.util.Map.of());
    }

    /**
     * @param stacks     frames of allocating stack to record for the first objects of each site; 0 for none
     * @param keySources "file:line" of each key's value, by key
     */
    public TypeEntry(ClassPattern pattern, boolean subtypes, SizeRule size, List<String> drops, String source,
                     int stacks, java.util.Map<String, String> keySources) {
        this(pattern, subtypes, size, drops, source, stacks, keySources, LibraryPatterns.NONE);
    }

    /** @param library the entry's own {@code library:} patterns */
    public TypeEntry(ClassPattern pattern, boolean subtypes, SizeRule size, List<String> drops, String source,
                     int stacks, java.util.Map<String, String> keySources, LibraryPatterns library) {
        this.library = library;
        this.pattern = pattern;
        this.subtypes = subtypes;
        this.size = size;
        this.drops = drops == null ? null : List.copyOf(drops);
        this.source = source;
        this.stacks = stacks;
        this.keySources = java.util.Map.copyOf(keySources);
    }

    /** The same entry with its {@code renew:}, {@code drop-if-true:} and {@code exclude:} keys. */
    public TypeEntry withRefcount(RefcountKeys keys) {
        this.refcount = keys;
        return this;
    }

    /** Methods whose return starts a recycled object's new life; empty for none. */
    public List<String> renews() {
        return refcount.renews;
    }

    /** Whether a drop method returning a boolean drops only when it returns true. */
    public boolean dropIfTrue() {
        return refcount.dropIfTrue;
    }

    /** Whether {@code binaryName} is one of the classes the entry leaves out. */
    public boolean excludes(String binaryName) {
        for (ClassPattern p : refcount.excludes) {
            if (p.matches(binaryName)) {
                return true;
            }
        }
        return false;
    }

    /** "file:line" of the key's value, else of the entry: what a message about that key points at. */
    public String sourceOf(String key) {
        return keySources.getOrDefault(key, source);
    }

    /** The entry's own {@code library:} patterns, on top of the JDK and the top-level ones. */
    public LibraryPatterns library() {
        return library;
    }

    public int stacks() {
        return stacks;
    }

    public ClassPattern pattern() {
        return pattern;
    }

    public boolean subtypes() {
        return subtypes;
    }

    public SizeRule size() {
        return size;
    }

    public List<String> drops() {
        return drops;
    }

    /** "file:line" of the entry, for messages. */
    public String source() {
        return source;
    }
}

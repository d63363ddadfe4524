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

    public TypeEntry(ClassPattern pattern, boolean subtypes, SizeRule size, List<String> drops, String source) {
        this(pattern, subtypes, size, drops, source, 0);
    }

    /** @param stacks frames of allocating stack to record for the first objects of each site; 0 for none */
    public TypeEntry(ClassPattern pattern, boolean subtypes, SizeRule size, List<String> drops, String source,
                     int stacks) {
        this.pattern = pattern;
        this.subtypes = subtypes;
        this.size = size;
        this.drops = drops == null ? null : List.copyOf(drops);
        this.source = source;
        this.stacks = stacks;
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

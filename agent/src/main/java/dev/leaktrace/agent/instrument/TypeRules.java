package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which config entry, if any, applies to a class: the most specific one (an exact name, then a
 * package, then a package tree; a {@code subtypes} match ranks last), the first one on a tie.
 */
public final class TypeRules {
    /** Copy on write: read on every class load, changed only when types are added at run time. */
    private volatile List<TypeEntry> entries;
    private volatile boolean anySubtypes;

    public TypeRules(List<TypeEntry> entries) {
        this.entries = List.copyOf(entries);
        this.anySubtypes = entries.stream().anyMatch(TypeEntry::subtypes);
    }

    /** Adds entries (the JUnit extension's types); they rank after the existing ones on a tie. */
    public synchronized void add(List<TypeEntry> more) {
        List<TypeEntry> all = new java.util.ArrayList<>(entries);
        all.addAll(more);
        entries = List.copyOf(all);
        anySubtypes = all.stream().anyMatch(TypeEntry::subtypes);
    }

    /**
     * @param supertypes the names of all superclasses and interfaces; only asked for when needed,
     *                   since finding them may mean reading class files
     */
    public TypeEntry entryFor(String binaryName, Supplier<Iterable<String>> supertypes) {
        TypeEntry best = null;
        int bestScore = 0;
        for (TypeEntry e : entries) {
            int score = e.pattern().matches(binaryName) ? e.pattern().specificity() : 0;
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        if (best != null || !anySubtypes) {
            return best;
        }
        for (String supertype : supertypes.get()) {
            for (TypeEntry e : entries) {
                if (e.subtypes() && e.pattern().matches(supertype)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** True when some entry could match this name without looking at supertypes. */
    public boolean matchesByName(String binaryName) {
        for (TypeEntry e : entries) {
            if (e.pattern().matches(binaryName)) {
                return true;
            }
        }
        return false;
    }

    public boolean anySubtypes() {
        return anySubtypes;
    }
}

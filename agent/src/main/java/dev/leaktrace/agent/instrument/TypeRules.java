package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import java.util.List;

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
        this.anySubtypes = anySubtypes(entries);
    }

    /** Adds entries (the JUnit extension's types); they rank after the existing ones on a tie. */
    public synchronized void add(List<TypeEntry> more) {
        List<TypeEntry> all = new java.util.ArrayList<>(entries);
        all.addAll(more);
        entries = List.copyOf(all);
        anySubtypes = anySubtypes(all);
    }

    // Loops rather than streams and lambdas here and below: this runs while the JVM starts,
    // where each lambda's first call spins a class.
    private static boolean anySubtypes(List<TypeEntry> entries) {
        for (TypeEntry e : entries) {
            if (e.subtypes()) {
                return true;
            }
        }
        return false;
    }

    /** The names of a class's superclasses and interfaces, asked for only when an entry needs them. */
    public interface Supertypes {
        Iterable<String> of(String binaryName);
    }

    /**
     * @param supertypes the names of all superclasses and interfaces; only asked for when needed,
     *                   since finding them may mean reading class files
     */
    public TypeEntry entryFor(String binaryName, Supertypes supertypes) {
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
        for (String supertype : supertypes.of(binaryName)) {
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

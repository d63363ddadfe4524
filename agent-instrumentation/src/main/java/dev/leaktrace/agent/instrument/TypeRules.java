package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.TypeEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which config entry, if any, applies to a class: the most specific one (an exact name, then a
 * package, then a package tree; a {@code subtypes} match ranks last), the first one on a tie.
 */
public final class TypeRules {
    /** Copy on write: read on every class load, changed only when types are added at run time. */
    private volatile Snapshot current;
    /** The entries that applied to some class (by identity), so those that matched none can be told. */
    private final Set<TypeEntry> matched = ConcurrentHashMap.newKeySet();

    public TypeRules(List<TypeEntry> entries) {
        this.current = new Snapshot(List.copyOf(entries));
    }

    /**
     * Whether a class is named by some entry's own {@code library:} patterns: library code for
     * that entry's objects, so that calls into it from other classes are marked.
     */
    public boolean isEntryLibrary(String binaryName) {
        for (TypeEntry e : current.entries) {
            if (!e.library().isEmpty() && e.library().test(binaryName)) {
                return true;
            }
        }
        return false;
    }

    /** Adds entries (the JUnit extension's types); they rank after the existing ones on a tie. */
    public synchronized void add(List<TypeEntry> more) {
        List<TypeEntry> all = new ArrayList<>(current.entries);
        all.addAll(more);
        current = new Snapshot(List.copyOf(all));
    }

    /**
     * The entries, with exact names in a map: every class the JVM loads is looked up here, and at
     * start-up every class already loaded, so a lookup is one hash probe plus the wildcard
     * entries, not a pass over all patterns (which also made the JIT compile the pattern match
     * before main). An exact name is the most specific match there is, so a hit ends the search.
     */
    private static final class Snapshot {
        final List<TypeEntry> entries;
        final Map<String, TypeEntry> exact = new HashMap<>();
        final List<TypeEntry> wildcards = new ArrayList<>();
        final boolean anySubtypes;
        /** An entry takes every subtype of java.lang.Object: any class name is traced. */
        final boolean everything;

        Snapshot(List<TypeEntry> entries) {
            this.entries = entries;
            boolean subtypes = false;
            boolean all = false;
            for (TypeEntry e : entries) {
                subtypes |= e.subtypes();
                all |= e.subtypes() && e.pattern().matches("java.lang.Object");
                String name = e.pattern().exactName();
                if (name != null) {
                    exact.putIfAbsent(name, e); // the first one wins a tie
                } else {
                    wildcards.add(e);
                }
            }
            anySubtypes = subtypes;
            everything = all;
        }
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
        TypeEntry entry = find(binaryName, supertypes);
        if (entry != null) {
            matched.add(entry);
        }
        return entry;
    }

    private TypeEntry find(String binaryName, Supertypes supertypes) {
        Snapshot rules = current;
        TypeEntry best = byName(rules, binaryName);
        if (best != null || !rules.anySubtypes) {
            return best;
        }
        for (String supertype : supertypes.of(binaryName)) {
            for (TypeEntry e : rules.entries) {
                if (e.subtypes() && e.pattern().matches(supertype) && !e.excludes(binaryName)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The entries that no class has matched so far, in config order. */
    public List<TypeEntry> unmatched() {
        List<TypeEntry> none = new ArrayList<>();
        for (TypeEntry e : current.entries) {
            if (!matched.contains(e)) {
                none.add(e);
            }
        }
        return none;
    }

    private static TypeEntry byName(Snapshot rules, String binaryName) {
        TypeEntry best = rules.exact.get(binaryName);
        if (best != null) {
            return best;
        }
        int bestScore = 0;
        for (TypeEntry e : rules.wildcards) {
            int score = e.pattern().matches(binaryName) && !e.excludes(binaryName) ? e.pattern().specificity() : 0;
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * True when some entry could match this name without looking at supertypes; every name when
     * an entry takes all subtypes of java.lang.Object, so that a {@code new} of a class not loaded
     * yet is announced (its site then costs no stack walk).
     */
    public boolean matchesByName(String binaryName) {
        Snapshot rules = current;
        return rules.everything || byName(rules, binaryName) != null;
    }

    public boolean anySubtypes() {
        return current.anySubtypes;
    }
}

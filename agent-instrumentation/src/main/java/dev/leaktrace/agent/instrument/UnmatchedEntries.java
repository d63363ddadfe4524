package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.config.TypeEntry;
import dev.leaktrace.agent.spelling.Suggestions;
import dev.leaktrace.bootstrap.LineSink;
import dev.leaktrace.bootstrap.Warnings;
import java.lang.instrument.Instrumentation;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * At exit, the config entries that matched no class the JVM loaded (a misspelt name traces
 * nothing, and nothing else would say so): a warning each on stderr, with the nearest loaded class
 * or package name, and the same as a trailer line of the log, {@code # leaktrace unmatched
 * entry=FILE:LINE class=PATTERN[ suggestion=NAME]}, which the analyser reports and tools that
 * know only the event lines skip as a comment.
 */
final class UnmatchedEntries implements Runnable {
    static final String TRAILER = "# leaktrace unmatched ";
    private final TypeRules rules;
    private final Instrumentation instrumentation;
    private final LineSink sink;

    UnmatchedEntries(TypeRules rules, Instrumentation instrumentation, LineSink sink) {
        this.rules = rules;
        this.instrumentation = instrumentation;
        this.sink = sink;
    }

    @Override
    public void run() {
        java.util.List<TypeEntry> unmatched = rules.unmatched();
        if (unmatched.isEmpty() || allFromRecipes(unmatched)) {
            return;
        }
        Set<String> classes = new LinkedHashSet<>();
        Set<String> packages = new LinkedHashSet<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (!c.isArray() && !c.isPrimitive() && !Instrumenter.isOwn(c.getName())) {
                classes.add(c.getName());
                packages.add(c.getPackageName());
            }
        }
        for (TypeEntry entry : unmatched) {
            if (entry.source().startsWith(ConfigLoader.RECIPE_PREFIX)) {
                continue; // a recipe names every class its kind of program may use
            }
            String pattern = entry.pattern().toString();
            String exact = entry.pattern().exactName();
            boolean loaded = exact != null && classes.contains(exact);
            String suggestion = loaded ? null : exact != null ? Suggestions.nearest(exact, classes)
                    : nearestPackage(pattern, packages);
            Warnings.warn(entry.source() + ": class: '" + pattern + "' matched no class the JVM loaded, so it traced"
                    + " nothing" + (suggestion == null ? "" : "; did you mean " + suggestion + "?")
                    + (loaded ? " It is an interface or abstract class: add subtypes: true." : ""));
            sink.comment(TRAILER + "entry=" + entry.source() + " class=" + pattern
                    + (suggestion == null ? "" : " suggestion=" + suggestion));
        }
    }

    private static boolean allFromRecipes(java.util.List<TypeEntry> entries) {
        for (TypeEntry e : entries) {
            if (!e.source().startsWith(ConfigLoader.RECIPE_PREFIX)) {
                return false;
            }
        }
        return true;
    }

    private static String nearestPackage(String pattern, Set<String> packages) {
        String pkg = pattern.substring(0, pattern.lastIndexOf('.'));
        String nearest = Suggestions.nearest(pkg, packages);
        return nearest == null ? null : pattern.replace(pkg, nearest);
    }
}

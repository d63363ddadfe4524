package dev.leaktrace.analyser.diff;

import dev.leaktrace.analyser.result.Amount;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The leaks of a run before a fix compared with a run after it, per type and per site.
 *
 * <p>A fix usually edits the file that leaks, which moves line numbers; so a site that only exists
 * after is matched to the unmatched before-site of the same type and file with the nearest line,
 * each before-site used once (closest pairs first).
 */
public record LeakDiff(Amount before, Amount after, List<TypeChange> types, List<SiteChange> sites,
        List<HolderChange> holders) {

    public record TypeChange(String type, Amount before, Amount after, Verdict verdict) {
    }

    /** @param beforeSite null for a new site; @param afterSite null for a fixed one */
    public record SiteChange(String type, String beforeSite, Amount before, String afterSite, Amount after,
            Verdict verdict) {
    }

    /**
     * A type's objects under one holder (from heap lines: {@code paths: N} or {@code dump --paths});
     * the amounts' bytes are retained bytes.
     */
    public record HolderChange(String type, String heldBy, Amount before, Amount after, Verdict verdict) {
    }

    public boolean hasRegression() {
        return types.stream().anyMatch(t -> t.verdict().isRegression())
                || sites.stream().anyMatch(s -> s.verdict().isRegression());
    }

    public static LeakDiff compare(Analysis before, Analysis after) {
        return new LeakDiff(new Amount(before.leakedCount(), before.leakedBytes()),
                new Amount(after.leakedCount(), after.leakedBytes()),
                compareTypes(before.groups(), after.groups()),
                compareSites(before.groups(), after.groups()), HolderChanges.of(before, after));
    }

    private static List<TypeChange> compareTypes(List<LeakGroup> before, List<LeakGroup> after) {
        Map<String, Amount> beforeByType = byType(before);
        Map<String, Amount> afterByType = byType(after);
        TreeSet<String> types = new TreeSet<>(beforeByType.keySet());
        types.addAll(afterByType.keySet());
        List<TypeChange> changes = new ArrayList<>();
        for (String type : types) {
            Amount b = beforeByType.getOrDefault(type, Amount.NONE);
            Amount a = afterByType.getOrDefault(type, Amount.NONE);
            changes.add(new TypeChange(type, b, a, Verdict.of(b, a)));
        }
        changes.sort(Comparator.comparingLong((TypeChange c) -> Math.max(c.before().bytes(), c.after().bytes()))
                .reversed().thenComparing(TypeChange::type));
        return List.copyOf(changes);
    }

    private static Map<String, Amount> byType(List<LeakGroup> groups) {
        Map<String, Amount> totals = new LinkedHashMap<>();
        for (LeakGroup group : groups) {
            totals.merge(group.type(), new Amount(group.count(), group.bytes()),
                    (x, y) -> x.plus(y.count(), y.bytes()));
        }
        return totals;
    }

    private static List<SiteChange> compareSites(List<LeakGroup> before, List<LeakGroup> after) {
        List<SiteChange> changes = new ArrayList<>();
        Map<List<String>, LeakGroup> beforeBySite = new LinkedHashMap<>();
        for (LeakGroup b : before) {
            beforeBySite.put(List.of(b.type(), b.site()), b);
        }
        List<LeakGroup> unmatchedAfter = new ArrayList<>();
        for (LeakGroup a : after) {
            LeakGroup same = beforeBySite.remove(List.of(a.type(), a.site()));
            if (same != null) {
                changes.add(change(same, a));
            } else {
                unmatchedAfter.add(a);
            }
        }
        List<LeakGroup> unmatchedBefore = new ArrayList<>(beforeBySite.values());
        List<int[]> candidates = new ArrayList<>(); // {beforeIndex, afterIndex, distance}
        for (int bi = 0; bi < unmatchedBefore.size(); bi++) {
            Site b = Site.parse(unmatchedBefore.get(bi).site());
            for (int ai = 0; ai < unmatchedAfter.size(); ai++) {
                Site a = Site.parse(unmatchedAfter.get(ai).site());
                if (unmatchedBefore.get(bi).type().equals(unmatchedAfter.get(ai).type()) && b.file().equals(a.file())) {
                    candidates.add(new int[] {bi, ai, Math.abs(b.line() - a.line())});
                }
            }
        }
        candidates.sort(Comparator.comparingInt((int[] c) -> c[2]).thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
        boolean[] beforeUsed = new boolean[unmatchedBefore.size()];
        boolean[] afterUsed = new boolean[unmatchedAfter.size()];
        for (int[] c : candidates) {
            if (!beforeUsed[c[0]] && !afterUsed[c[1]]) {
                beforeUsed[c[0]] = true;
                afterUsed[c[1]] = true;
                changes.add(change(unmatchedBefore.get(c[0]), unmatchedAfter.get(c[1])));
            }
        }
        for (int bi = 0; bi < unmatchedBefore.size(); bi++) {
            if (!beforeUsed[bi]) {
                changes.add(change(unmatchedBefore.get(bi), null));
            }
        }
        for (int ai = 0; ai < unmatchedAfter.size(); ai++) {
            if (!afterUsed[ai]) {
                changes.add(change(null, unmatchedAfter.get(ai)));
            }
        }
        changes.sort(Comparator.comparingLong((SiteChange c) -> Math.max(c.before().bytes(), c.after().bytes()))
                .reversed().thenComparing(SiteChange::type)
                .thenComparing(c -> c.beforeSite() != null ? c.beforeSite() : c.afterSite()));
        return List.copyOf(changes);
    }

    private static SiteChange change(LeakGroup before, LeakGroup after) {
        Amount b = before == null ? Amount.NONE : new Amount(before.count(), before.bytes());
        Amount a = after == null ? Amount.NONE : new Amount(after.count(), after.bytes());
        String type = before != null ? before.type() : after.type();
        return new SiteChange(type, before == null ? null : before.site(), b, after == null ? null : after.site(), a,
                Verdict.of(b, a));
    }
}

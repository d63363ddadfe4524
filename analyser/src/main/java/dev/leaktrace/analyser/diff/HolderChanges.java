package dev.leaktrace.analyser.diff;

import dev.leaktrace.analyser.result.Amount;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.Holder;
import dev.leaktrace.analyser.result.LeakGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaked objects per type and holder, before and after, from the runs' heap lines: a fix that
 * empties one cache shows as that holder going to zero while another stays.
 */
final class HolderChanges {
    private HolderChanges() {
    }

    static List<LeakDiff.HolderChange> of(Analysis before, Analysis after) {
        Map<List<String>, Amount> b = byHolder(before);
        Map<List<String>, Amount> a = byHolder(after);
        Map<List<String>, String> described = new LinkedHashMap<>();
        describe(before, described);
        describe(after, described);
        List<LeakDiff.HolderChange> changes = new ArrayList<>();
        for (Map.Entry<List<String>, String> key : described.entrySet()) {
            Amount was = b.getOrDefault(key.getKey(), Amount.NONE);
            Amount is = a.getOrDefault(key.getKey(), Amount.NONE);
            changes.add(new LeakDiff.HolderChange(key.getKey().get(0), key.getValue(), was, is, Verdict.of(was, is)));
        }
        changes.sort(Comparator.comparingLong((LeakDiff.HolderChange c) -> Math.max(c.before().bytes(), c.after().bytes()))
                .reversed().thenComparing(LeakDiff.HolderChange::type).thenComparing(LeakDiff.HolderChange::heldBy));
        return List.copyOf(changes);
    }

    /** Objects and retained bytes by {type, holder key}, over the type's sites. */
    private static Map<List<String>, Amount> byHolder(Analysis run) {
        Map<List<String>, Amount> totals = new LinkedHashMap<>();
        for (LeakGroup group : run.groups()) {
            if (group.heap() != null) {
                for (Holder holder : group.heap().holders()) {
                    totals.merge(List.of(group.type(), holder.key()), new Amount(holder.count(), holder.retainedBytes()),
                            (x, y) -> x.plus(y.count(), y.bytes()));
                }
            }
        }
        return totals;
    }

    private static void describe(Analysis run, Map<List<String>, String> into) {
        for (LeakGroup group : run.groups()) {
            if (group.heap() != null) {
                for (Holder holder : group.heap().holders()) {
                    into.putIfAbsent(List.of(group.type(), holder.key()), holder.describe());
                }
            }
        }
    }
}

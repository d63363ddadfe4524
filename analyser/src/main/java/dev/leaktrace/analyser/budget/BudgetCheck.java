package dev.leaktrace.analyser.budget;

import dev.leaktrace.analyser.output.ByteUnits;
import dev.leaktrace.analyser.result.Amount;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares the leaks of an analysis with a budget; every rule is checked independently. */
public final class BudgetCheck {
    private BudgetCheck() {
    }

    public static List<BudgetBreach> breaches(Budget budget, Analysis analysis) {
        List<BudgetBreach> breaches = new ArrayList<>();
        for (BudgetRule rule : budget.rules()) {
            Amount leaked = Amount.NONE;
            for (LeakGroup group : analysis.groups()) {
                if (budget.expecting(group) == null && group.type().equals(rule.type())
                        && (rule.site() == null || group.site().equals(rule.site()))) {
                    leaked = leaked.plus(group.count(), group.bytes());
                }
            }
            String subject = rule.type() + (rule.site() == null ? "" : " at " + rule.site());
            check(budget, rule, subject, leaked, breaches);
        }
        if (budget.fallback() != null) {
            Set<String> named = budget.rules().stream().map(BudgetRule::type).collect(Collectors.toSet());
            Map<String, Amount> others = new LinkedHashMap<>();
            for (LeakGroup group : analysis.groups()) {
                if (!named.contains(group.type()) && budget.expecting(group) == null) {
                    others.merge(group.type(), new Amount(group.count(), group.bytes()),
                            (a, b) -> a.plus(b.count(), b.bytes()));
                }
            }
            others.forEach((type, leaked) -> check(budget, budget.fallback(), type, leaked, breaches));
        }
        return List.copyOf(breaches);
    }

    private static void check(Budget budget, BudgetRule rule, String subject, Amount leaked,
            List<BudgetBreach> breaches) {
        List<String> over = new ArrayList<>();
        if (rule.maxCount() != null && leaked.count() > rule.maxCount()) {
            over.add(leaked.count() + " leaked, allowed " + rule.maxCount());
        }
        if (rule.maxBytes() != null && leaked.bytes() > rule.maxBytes()) {
            over.add(leaked.bytes() + " bytes (" + ByteUnits.human(leaked.bytes()) + ") leaked, allowed "
                    + rule.maxBytes() + " bytes (" + ByteUnits.human(rule.maxBytes()) + ")");
        }
        if (!over.isEmpty()) {
            String origin = budget.file() + ":" + rule.line() + (rule.type() == null ? ", the default" : "");
            breaches.add(new BudgetBreach(rule, subject, leaked,
                    subject + ": " + String.join("; ", over) + " (" + origin + ")"));
        }
    }
}

package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.result.Amount;
import dev.leaktrace.analyser.result.Analysis;

/** The human-readable output of {@code diff}. */
public final class DiffText {
    private DiffText() {
    }

    /** The diff, with what each side's logs are: survivors logs said so, logs of many JVMs one row each. */
    public static String of(LeakDiff diff, Analysis before, Analysis after) {
        StringBuilder out = new StringBuilder();
        if (before.hasSurvivorsLog() || after.hasSurvivorsLog()) {
            out.append(LeaksText.survivorsNote(before.hasSurvivorsLog() ? before : after)).append("\n\n");
        }
        out.append(of(diff, String.join(", ", before.files()), String.join(", ", after.files())));
        if (before.sources().size() > 1 || after.sources().size() > 1) {
            out.append("\nBefore, by JVM (host/pid from each log's header):\n").append(LeaksText.sourcesTable(before.sources()));
            out.append("\nAfter, by JVM:\n").append(LeaksText.sourcesTable(after.sources()));
        }
        return out.toString();
    }

    public static String of(LeakDiff diff, String beforeName, String afterName) {
        StringBuilder out = new StringBuilder();
        out.append("Leaked before: ").append(amount(diff.before())).append("  (").append(beforeName).append(")\n");
        out.append("Leaked after:  ").append(amount(diff.after())).append("  (").append(afterName).append(")\n");
        if (diff.types().isEmpty()) {
            out.append("\nNo leaks in either run.\n");
            return out.toString();
        }
        out.append("\nBy type:\n");
        TextTable types = new TextTable(new boolean[] {false, false, true, true, true},
                "VERDICT", "TYPE", "BEFORE", "AFTER", "CHANGE");
        for (LeakDiff.TypeChange change : diff.types()) {
            types.add(change.verdict().label(), change.type(), amount(change.before()), amount(change.after()),
                    change(change.before(), change.after()));
        }
        out.append(types.render("  "));
        out.append("\nBy site:\n");
        TextTable sites = new TextTable(new boolean[] {false, false, false, true, true, true},
                "VERDICT", "TYPE", "SITE", "BEFORE", "AFTER", "CHANGE");
        for (LeakDiff.SiteChange change : diff.sites()) {
            sites.add(change.verdict().label(), change.type(), site(change), amount(change.before()),
                    amount(change.after()), change(change.before(), change.after()));
        }
        out.append(sites.render("  "));
        if (!diff.holders().isEmpty()) {
            out.append("\nBy holder (from heap dumps; bytes retained):\n");
            TextTable holders = new TextTable(new boolean[] {false, false, false, true, true, true},
                    "VERDICT", "TYPE", "HELD BY", "BEFORE", "AFTER", "CHANGE");
            for (LeakDiff.HolderChange change : diff.holders()) {
                holders.add(change.verdict().label(), change.type(), change.heldBy(), amount(change.before()),
                        amount(change.after()), change(change.before(), change.after()));
            }
            out.append(holders.render("  "));
        }
        return out.toString();
    }

    private static String site(LeakDiff.SiteChange change) {
        if (change.beforeSite() == null) {
            return change.afterSite();
        }
        if (change.afterSite() == null || change.afterSite().equals(change.beforeSite())) {
            return change.beforeSite();
        }
        return change.beforeSite() + " -> " + change.afterSite();
    }

    private static String amount(Amount amount) {
        return amount.count() + " / " + ByteUnits.human(amount.bytes());
    }

    private static String change(Amount before, Amount after) {
        long count = after.count() - before.count();
        long bytes = after.bytes() - before.bytes();
        return (count >= 0 ? "+" : "") + count + " / " + (bytes >= 0 ? "+" : "") + ByteUnits.human(bytes);
    }
}

package dev.leaktrace.analyser.diff;

import dev.leaktrace.analyser.result.Amount;
import java.util.Locale;

/** What happened to a leak between a run before a fix and a run after it. */
public enum Verdict {
    FIXED,
    IMPROVED,
    UNCHANGED,
    WORSE,
    NEW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a CI gate on regressions should fail. */
    public boolean isRegression() {
        return this == WORSE || this == NEW;
    }

    /**
     * Compares by bytes, and by count when the bytes tie (sizes may be estimates that a fix does not
     * change).
     */
    public static Verdict of(Amount before, Amount after) {
        if (before.count() == 0) {
            return after.count() == 0 ? UNCHANGED : NEW;
        }
        if (after.count() == 0) {
            return FIXED;
        }
        int change = after.bytes() != before.bytes()
                ? Long.compare(after.bytes(), before.bytes())
                : Long.compare(after.count(), before.count());
        return change < 0 ? IMPROVED : change > 0 ? WORSE : UNCHANGED;
    }
}

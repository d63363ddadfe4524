package dev.leaktrace.analyser.result;

import java.util.Locale;

/**
 * How a group's live count moved through a run, as the pairing classifies it (the rules are in
 * docs/analyser.md, "Trend"). Declared from weakest to strongest evidence of a leak, which is how
 * trends of several files are combined.
 */
public enum Trend {
    /** Too little to judge: one object, or a log of fewer events than sample buckets. */
    SINGLE,
    /** Reached its level in the first quarter of the run and held it: startup objects. */
    STEADY,
    /** Changed after the first quarter but did not rise at the end: a cache filling up, then full. */
    LEVELLING,
    /** Still rising in the last quarter of the run: a leak that grows with the work done. */
    GROWING;

    /** The name used in output and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The one that is the stronger evidence of a leak; {@code a} may be null. */
    public static Trend stronger(Trend a, Trend b) {
        if (a == null) {
            return b;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}

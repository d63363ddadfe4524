package dev.leaktrace.analyser.result;

/**
 * Sums of byte counts that stop at {@code Long.MAX_VALUE} instead of wrapping to a negative
 * number: a log may hold sizes near the limit (a bad estimator, a hand-made file), and a total
 * that turns negative would be a lie in every report.
 */
public final class Saturating {
    private Saturating() {
    }

    public static long add(long a, long b) {
        long sum = a + b;
        // Overflow happened when both operands have the sign opposite to the sum's.
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}

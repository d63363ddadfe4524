package dev.leaktrace.demo.field;

import java.util.SplittableRandom;

/**
 * Arithmetic in the prime field of order {@code P = 2^61 - 1} (a Mersenne prime, so reduction is a
 * shift and an add). Stands in for the Pasta fields of the original prover: elements are plain
 * {@code long}s in {@code [0, P)}. Static helpers only; it lives outside the traced packages.
 */
public final class Fp {
    /** The modulus, {@code 2^61 - 1}. */
    public static final long P = (1L << 61) - 1;

    private Fp() {
    }

    /** {@code (a + b) mod P} for {@code a, b} in {@code [0, P)}. */
    public static long add(long a, long b) {
        long s = a + b;
        return s >= P ? s - P : s;
    }

    /** {@code (a * b) mod P} for {@code a, b} in {@code [0, P)}. */
    public static long mul(long a, long b) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b);
        // a*b = hi*2^64 + lo (lo unsigned) < 2^122; split it at bit 61 and fold, as 2^61 = 1 (mod P).
        long low61 = lo & P;
        long high = (lo >>> 61) | (hi << 3);
        long s = low61 + high;
        s = (s & P) + (s >>> 61);
        return s >= P ? s - P : s;
    }

    /** {@code a * b + c mod P}. */
    public static long mulAdd(long a, long b, long c) {
        return add(mul(a, b), c);
    }

    /** A uniformly random element. */
    public static long random(SplittableRandom rng) {
        return rng.nextLong(P);
    }
}

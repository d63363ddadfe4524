package dev.leaktrace.demo.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FpTest {
    private static final BigInteger P = BigInteger.valueOf(Fp.P);

    @Test
    void arithmeticMatchesBigInteger() {
        SplittableRandom rng = new SplittableRandom(42);
        long[] edges = {0, 1, 2, Fp.P - 1, Fp.P - 2, 1L << 60};
        for (int k = 0; k < 20_000; k++) {
            long a = k < edges.length * edges.length ? edges[k % edges.length] : Fp.random(rng);
            long b = k < edges.length * edges.length ? edges[k / edges.length] : Fp.random(rng);
            BigInteger ba = BigInteger.valueOf(a);
            BigInteger bb = BigInteger.valueOf(b);
            assertEquals(ba.multiply(bb).mod(P).longValueExact(), Fp.mul(a, b), a + " * " + b);
            assertEquals(ba.add(bb).mod(P).longValueExact(), Fp.add(a, b), a + " + " + b);
        }
    }
}

package dev.leaktrace.demo.prover;

import dev.leaktrace.demo.field.Fp;
import dev.leaktrace.demo.vec.FieldVector;

/**
 * The structured reference string: {@code size} group elements {@code tau^i * G}, each an (x, y)
 * pair of field elements, interleaved in one {@code long[]}. The analogue of {@code WasmFpSrs}, the
 * largest object of the original prover; it is built once and lives for the whole run.
 */
public final class Srs {
    private static final long GX = 0x0123_4567_89AB_CDEFL % Fp.P;
    private static final long GY = 0x0FED_CBA9_8765_4321L % Fp.P;

    private final long[] points;

    private Srs(long[] points) {
        this.points = points;
    }

    /** Runs the (insecure, fake) set-up ceremony: {@code size} points from the secret {@code tau}. */
    public static Srs create(int size, long tau) {
        long[] points = new long[2 * size];
        long power = 1;
        for (int i = 0; i < size; i++) {
            points[2 * i] = Fp.mul(power, GX);
            points[2 * i + 1] = Fp.mul(power, GY);
            power = Fp.mul(power, tau % Fp.P);
        }
        return new Srs(points);
    }

    /** Number of group elements. */
    public int size() {
        return points.length / 2;
    }

    /** Bytes held by the points array. */
    public long byteSize() {
        return 16L + 8L * points.length;
    }

    /**
     * A (fake) commitment to {@code v}: the multi-scalar product {@code sum(v[i] * P_i)} with both
     * coordinates folded into one field element.
     */
    public long commit(FieldVector v) {
        if (v.length() > size()) {
            throw new IllegalArgumentException("vector of " + v.length() + " > SRS of " + size());
        }
        long x = 0;
        long y = 0;
        for (int i = 0; i < v.length(); i++) {
            long s = v.get(i);
            x = Fp.mulAdd(s, points[2 * i], x);
            y = Fp.mulAdd(s, points[2 * i + 1], y);
        }
        return Fp.mulAdd(x, 3, y);
    }
}

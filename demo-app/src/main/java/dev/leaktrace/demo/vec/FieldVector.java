package dev.leaktrace.demo.vec;

import dev.leaktrace.demo.field.Fp;

/**
 * A vector of field elements: the JVM analogue of the prover's {@code WasmVector}. Its memory is the
 * {@code long[]} it wraps; nothing releases it but the garbage collector, so leaktrace traces it with
 * {@code drop: [gc]}.
 */
public final class FieldVector {
    private final long[] data;

    /** Wraps {@code data} (not copied). */
    public FieldVector(long[] data) {
        this.data = data;
    }

    /** A vector of {@code n} zeros; delegates to {@link #FieldVector(long[])} with {@code this(...)}. */
    public FieldVector(int n) {
        this(new long[n]);
    }

    /** Factory for a zero vector of length {@code n}. */
    public static FieldVector zeros(int n) {
        return new FieldVector(n);
    }

    public int length() {
        return data.length;
    }

    public long get(int i) {
        return data[i];
    }

    public void set(int i, long value) {
        data[i] = value;
    }

    /** {@code this[i] += a[i] * b[i]} for every {@code i}; returns {@code this}. */
    public FieldVector addProduct(FieldVector a, FieldVector b) {
        for (int i = 0; i < data.length; i++) {
            data[i] = Fp.mulAdd(a.data[i], b.data[i], data[i]);
        }
        return this;
    }

    /** Bytes held: the {@code long[]} (16-byte array header + 8 bytes per element). */
    public long byteSize() {
        return 16L + 8L * data.length;
    }
}

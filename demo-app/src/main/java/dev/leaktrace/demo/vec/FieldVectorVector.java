package dev.leaktrace.demo.vec;

/**
 * A vector of vectors of field elements, stored as a {@code long[][]}: the analogue of the prover's
 * {@code WasmVecVecFp}. Like {@link FieldVector} it is released only by the garbage collector.
 */
public final class FieldVectorVector {
    private final long[][] rows;

    /** Wraps {@code rows} (not copied). */
    public FieldVectorVector(long[][] rows) {
        this.rows = rows;
    }

    /** {@code count} zero rows of {@code width} elements each. */
    public FieldVectorVector(int count, int width) {
        this(new long[count][width]);
    }

    public long get(int row, int i) {
        return rows[row][i];
    }

    public void set(int row, int i, long value) {
        rows[row][i] = value;
    }

    /**
     * A copy of row {@code i} as a new {@link FieldVector}, as the original prover copied each
     * {@code Vec<Fp>} out of a {@code WasmVecVecFp}; a copy, so its bytes are its own.
     */
    public FieldVector copyRow(int i) {
        return new FieldVector(rows[i].clone());
    }

    /**
     * Bytes held: the outer array (16-byte header + one 4-byte compressed reference per row) plus
     * every inner {@code long[]} (16-byte header + 8 bytes per element). leaktrace's config names
     * this method as the size of the object.
     */
    public long byteSize() {
        long size = 16L + 4L * rows.length;
        for (long[] row : rows) {
            size += 16L + 8L * row.length;
        }
        return size;
    }
}

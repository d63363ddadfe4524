package dev.leaktrace.demo.prover;

/**
 * A lookup table of the circuit: a few columns of field elements. The analogue of
 * {@code WasmPastaFpLookupTable}. Owned by a {@link ProverIndex}, which closes it in its own
 * {@link ProverIndex#close()}; {@code close()} drops the table's data.
 */
public final class LookupTable implements AutoCloseable {
    private final int id;
    private final long bytes;
    private long[][] columns;

    /** A table of the given columns (not copied). */
    public LookupTable(int id, long[][] columns) {
        this.id = id;
        this.columns = columns;
        long size = 16L + 4L * columns.length;
        for (long[] column : columns) {
            size += 16L + 8L * column.length;
        }
        this.bytes = size;
    }

    /** The XOR table of {@code bits}-bit values: rows {@code (a, b, a ^ b)} for every a, b. */
    public static LookupTable xor(int id, int bits) {
        int side = 1 << bits;
        long[][] columns = new long[3][side * side];
        for (int a = 0; a < side; a++) {
            for (int b = 0; b < side; b++) {
                int row = a * side + b;
                columns[0][row] = a;
                columns[1][row] = b;
                columns[2][row] = a ^ b;
            }
        }
        return new LookupTable(id, columns);
    }

    /** The range-check table: one column {@code 0 .. 2^bits - 1}. */
    public static LookupTable range(int id, int bits) {
        long[] column = new long[1 << bits];
        for (int i = 0; i < column.length; i++) {
            column[i] = i;
        }
        return new LookupTable(id, new long[][] {column});
    }

    public int rows() {
        return data()[0].length;
    }

    /** The value in {@code column} at {@code row}. */
    public long get(int column, int row) {
        return data()[column][row];
    }

    /** Bytes of its columns (the outer array and every column), as built. */
    public long byteSize() {
        return bytes;
    }

    public boolean isClosed() {
        return columns == null;
    }

    /** Drops the table's columns; later reads throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        columns = null;
    }

    private long[][] data() {
        long[][] c = columns;
        if (c == null) {
            throw new IllegalStateException("lookup table " + id + " is closed");
        }
        return c;
    }
}

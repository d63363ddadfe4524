package dev.leaktrace.demo.prover;

import dev.leaktrace.demo.field.Fp;
import dev.leaktrace.demo.vec.FieldVector;
import java.util.SplittableRandom;

/**
 * The prover index of one circuit, built from the {@link Srs}: the permutation (copy constraints)
 * of its {@link #WIRES} wires, its selector {@link Column}s and its {@link LookupTable}s. The
 * analogue of {@code WasmPastaFpPlonkIndex}, the object the original prover leaked.
 *
 * <p>It owns its data: {@link #close()} closes the lookup tables and drops every array, so an index
 * must be closed once the proof is made. The SRS is shared, not owned.
 */
public final class ProverIndex implements AutoCloseable {
    /** Number of wires (witness columns) per row, as in kimchi. */
    public static final int WIRES = 7;
    /** Names of the selector columns of the generic gate. */
    public static final String[] SELECTORS = {"q_l", "q_r", "q_o", "q_m", "q_c"};
    /** Bits of the XOR lookup table (rows: 2^(2*bits)). */
    static final int XOR_BITS = 6;
    /** Bits of the range-check lookup table. */
    static final int RANGE_BITS = 12;

    /**
     * A named selector column of the circuit: its evaluations over the domain. Its own memory is a
     * few fields; the evaluations are a {@link FieldVector}, traced in its own right.
     */
    public static final class Column {
        private final String name;
        private final FieldVector evals;

        Column(String name, FieldVector evals) {
            this.name = name;
            this.evals = evals;
        }

        /** An all-zero column of {@code n} rows; delegates with {@code this(...)}. */
        Column(String name, int n) {
            this(name, FieldVector.zeros(n));
        }

        public String name() {
            return name;
        }

        public FieldVector evals() {
            return evals;
        }
    }

    private final long circuitSeed;
    private final int domainSize;
    private final Srs srs;
    private long[] permutation;
    private Column[] columns;
    private LookupTable[] lookupTables;
    private long[] selectorCommitments;

    private ProverIndex(long circuitSeed, int domainSize, Srs srs, long[] permutation, Column[] columns,
            LookupTable[] lookupTables, long[] selectorCommitments) {
        this.circuitSeed = circuitSeed;
        this.domainSize = domainSize;
        this.srs = srs;
        this.permutation = permutation;
        this.columns = columns;
        this.lookupTables = lookupTables;
        this.selectorCommitments = selectorCommitments;
    }

    /**
     * Compiles the circuit {@code circuitSeed} over a domain of {@code domainSize} rows: random
     * selectors, a random permutation of the wire positions, the lookup tables, and the commitments
     * to the selectors under {@code srs}.
     */
    public static ProverIndex create(Srs srs, long circuitSeed, int domainSize) {
        if (domainSize > srs.size()) {
            throw new IllegalArgumentException("domain of " + domainSize + " > SRS of " + srs.size());
        }
        SplittableRandom rng = new SplittableRandom(circuitSeed);

        Column[] columns = new Column[SELECTORS.length];
        long[] commitments = new long[SELECTORS.length];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = new Column(SELECTORS[k], domainSize);
            FieldVector evals = columns[k].evals();
            for (int i = 0; i < domainSize; i++) {
                evals.set(i, Fp.random(rng));
            }
            commitments[k] = srs.commit(evals);
        }

        // sigma(w, i) = shift_w' * omega^i' for the position (w', i') that (w, i) is wired to.
        long omega = Fp.random(rng);
        long[] domain = new long[domainSize];
        domain[0] = 1;
        for (int i = 1; i < domainSize; i++) {
            domain[i] = Fp.mul(domain[i - 1], omega);
        }
        long[] shifts = new long[WIRES];
        for (int w = 0; w < WIRES; w++) {
            shifts[w] = Fp.random(rng);
        }
        int cells = WIRES * domainSize;
        int[] wiredTo = new int[cells];
        for (int c = 0; c < cells; c++) {
            wiredTo[c] = c;
        }
        for (int c = cells - 1; c > 0; c--) {
            int other = rng.nextInt(c + 1);
            int t = wiredTo[c];
            wiredTo[c] = wiredTo[other];
            wiredTo[other] = t;
        }
        long[] permutation = new long[cells];
        for (int c = 0; c < cells; c++) {
            int target = wiredTo[c];
            permutation[c] = Fp.mul(shifts[target / domainSize], domain[target % domainSize]);
        }

        LookupTable[] tables = {LookupTable.xor(0, XOR_BITS), LookupTable.range(1, RANGE_BITS)};
        return new ProverIndex(circuitSeed, domainSize, srs, permutation, columns, tables, commitments);
    }

    public long circuitSeed() {
        return circuitSeed;
    }

    public int domainSize() {
        return domainSize;
    }

    public Srs srs() {
        return srs;
    }

    /** The selector column {@code k} (see {@link #SELECTORS}). */
    public FieldVector selector(int k) {
        checkOpen();
        return columns[k].evals();
    }

    /** {@code sigma(wire, row)}: the permutation polynomial of {@code wire} at {@code row}. */
    public long sigma(int wire, int row) {
        checkOpen();
        return permutation[wire * domainSize + row];
    }

    public LookupTable lookupTable(int id) {
        checkOpen();
        return lookupTables[id];
    }

    public long selectorCommitment(int k) {
        checkOpen();
        return selectorCommitments[k];
    }

    public boolean isClosed() {
        return permutation == null;
    }

    /** Closes the lookup tables and drops the index's data. Idempotent. */
    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        for (LookupTable table : lookupTables) {
            table.close();
        }
        permutation = null;
        columns = null;
        lookupTables = null;
        selectorCommitments = null;
    }

    private void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException("prover index of circuit " + circuitSeed + " is closed");
        }
    }
}

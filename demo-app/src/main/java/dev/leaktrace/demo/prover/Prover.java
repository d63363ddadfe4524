package dev.leaktrace.demo.prover;

import dev.leaktrace.demo.field.Fp;
import dev.leaktrace.demo.vec.FieldVector;
import dev.leaktrace.demo.vec.FieldVectorVector;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes proofs: for each one it builds a {@link ProverIndex} from the shared {@link Srs}, fills a
 * witness, and computes (fake, but real-work) gate, permutation and lookup arguments and their
 * commitments. The result is a digest of the proof.
 *
 * <p><b>The leak.</b> In the leaky mode every index goes into {@link #INDEX_CACHE}, "to reuse it if
 * the same proof is asked for again". Proof ids never repeat, so the cache never hits, never
 * evicts, and no index is ever closed: the heap grows by one index per proof. The fixed mode builds
 * the index in a try-with-resources block and keeps nothing.
 *
 * <p>Not thread-safe: the demo proves on one thread.
 */
public final class Prover {
    /** THE LEAK: keyed by proof id, which never repeats; nothing is ever removed or closed. */
    private static final Map<Long, ProverIndex> INDEX_CACHE = new HashMap<>();

    private final Srs srs;
    private final int domainSize;
    private final boolean fixed;

    /**
     * @param fixed {@code true} to close each index after its proof; {@code false} for the leaky
     *     behaviour (cache every index, close none)
     */
    public Prover(Srs srs, int domainSize, boolean fixed) {
        this.srs = srs;
        this.domainSize = domainSize;
        this.fixed = fixed;
    }

    /** Proves circuit {@code circuitSeed} for proof {@code proofId}; returns the proof's digest. */
    public long prove(long proofId, long circuitSeed) {
        if (fixed) {
            try (ProverIndex index = ProverIndex.create(srs, circuitSeed, domainSize)) {
                return prove(index, proofId);
            }
        }
        ProverIndex index = INDEX_CACHE.get(proofId);
        if (index == null) {
            index = ProverIndex.create(srs, circuitSeed, domainSize);
            INDEX_CACHE.put(proofId, index);
        }
        return prove(index, proofId);
    }

    /** Number of indexes held by the (leaky) cache. */
    public static int cachedIndexes() {
        return INDEX_CACHE.size();
    }

    /** Closes and forgets every cached index (for tests; the demo never calls it). */
    static void clearCache() {
        for (ProverIndex index : INDEX_CACHE.values()) {
            index.close();
        }
        INDEX_CACHE.clear();
    }

    private static long prove(ProverIndex index, long proofId) {
        int n = index.domainSize();
        SplittableRandom rng = new SplittableRandom(proofId * 0x9E37_79B9_7F4A_7C15L + index.circuitSeed());

        // The witness arrives as a vector of vectors (one row per wire), as from the JS side.
        FieldVectorVector witness = new FieldVectorVector(ProverIndex.WIRES, n);
        for (int w = 0; w < ProverIndex.WIRES; w++) {
            for (int i = 0; i < n; i++) {
                witness.set(w, i, Fp.random(rng));
            }
        }
        FieldVector a = witness.copyRow(0);
        FieldVector b = witness.copyRow(1);
        FieldVector c = witness.copyRow(2);

        // Generic gate: q_l*a + q_r*b + q_o*c + q_m*a*b + q_c.
        FieldVector ab = FieldVector.zeros(n).addProduct(a, b);
        FieldVector gate = FieldVector.zeros(n)
                .addProduct(index.selector(0), a)
                .addProduct(index.selector(1), b)
                .addProduct(index.selector(2), c)
                .addProduct(index.selector(3), ab);
        FieldVector qc = index.selector(4);
        for (int i = 0; i < n; i++) {
            gate.set(i, Fp.add(gate.get(i), qc.get(i)));
        }

        // Permutation accumulator: z[i+1] = z[i] * prod_w (w_i + beta*sigma_w(i) + gamma)
        // (the real one divides by the identity-permutation product; the work is the same kind).
        long beta = Fp.random(rng);
        long gamma = Fp.random(rng);
        FieldVector z = FieldVector.zeros(n);
        long acc = 1;
        for (int i = 0; i < n; i++) {
            z.set(i, acc);
            for (int w = 0; w < ProverIndex.WIRES; w++) {
                acc = Fp.mul(acc, Fp.add(Fp.mulAdd(beta, index.sigma(w, i), witness.get(w, i)), gamma));
            }
        }

        // Lookup argument: look (a, b, a^b) up in the XOR table on the low bits of each row.
        LookupTable xor = index.lookupTable(0);
        int mask = (1 << ProverIndex.XOR_BITS) - 1;
        long lookups = 0;
        for (int i = 0; i < n; i++) {
            int row = (int) (a.get(i) & mask) << ProverIndex.XOR_BITS | (int) (b.get(i) & mask);
            lookups = Fp.mulAdd(lookups, beta, Fp.add(xor.get(2, row), gamma));
        }

        Srs srs = index.srs();
        long digest = Fp.mulAdd(srs.commit(gate), 31, srs.commit(z));
        for (int k = 0; k < ProverIndex.SELECTORS.length; k++) {
            digest = Fp.mulAdd(digest, 31, index.selectorCommitment(k));
        }
        return Fp.mulAdd(digest, 31, lookups);
    }
}

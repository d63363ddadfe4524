package dev.leaktrace.demo.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProverTest {
    private static final Srs SRS = Srs.create(1 << 10, 7);
    private static final int DOMAIN = 1 << 8;

    @AfterEach
    void clear() {
        Prover.clearCache();
    }

    @Test
    void leakyModeKeepsEveryIndexAndFixedModeKeepsNone() {
        Prover leaky = new Prover(SRS, DOMAIN, false);
        Prover fixed = new Prover(SRS, DOMAIN, true);
        for (int p = 1; p <= 4; p++) {
            assertEquals(leaky.prove(p, 100 + p), fixed.prove(p, 100 + p), "same proof in both modes");
        }
        assertEquals(4, Prover.cachedIndexes());
    }

    @Test
    void closingTheIndexClosesItsLookupTables() {
        ProverIndex index = ProverIndex.create(SRS, 1, DOMAIN);
        LookupTable xor = index.lookupTable(0);
        assertEquals(1 << (2 * ProverIndex.XOR_BITS), xor.rows());
        assertEquals(3 ^ 5, xor.get(2, (3 << ProverIndex.XOR_BITS) | 5));
        assertFalse(xor.isClosed());

        index.close();
        index.close();
        assertTrue(index.isClosed());
        assertTrue(xor.isClosed());
        assertThrows(IllegalStateException.class, () -> index.sigma(0, 0));
        assertThrows(IllegalStateException.class, () -> xor.get(0, 0));
    }

    @Test
    void indexRejectsADomainLargerThanTheSrs() {
        assertThrows(IllegalArgumentException.class, () -> ProverIndex.create(SRS, 1, 2 * SRS.size()));
    }
}

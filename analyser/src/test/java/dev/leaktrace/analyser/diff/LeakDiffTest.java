package dev.leaktrace.analyser.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.result.Amount;
import dev.leaktrace.analyser.result.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeakDiffTest {

    @ParameterizedTest
    @CsvSource({
        "2, 20, 0,  0, FIXED",
        "2, 20, 1, 10, IMPROVED",
        "2, 20, 3, 10, IMPROVED",   // fewer bytes wins over more objects
        "2, 20, 1, 20, IMPROVED",   // bytes tie: fewer objects
        "2, 20, 2, 20, UNCHANGED",
        "2, 20, 2, 30, WORSE",
        "2, 20, 3, 20, WORSE",
        "0,  0, 1,  5, NEW",
    })
    void verdicts(long beforeCount, long beforeBytes, long afterCount, long afterBytes, Verdict verdict) {
        assertThat(Verdict.of(new Amount(beforeCount, beforeBytes), new Amount(afterCount, afterBytes)))
                .isEqualTo(verdict);
    }

    @Test
    void comparesTypesAndMatchesSitesWhoseLineMoved() throws Exception {
        Analysis before = TestLogs.analyse("""
                @ALLOCATE Proof 100 com/example/Prover.java:55 1
                @ALLOCATE Proof 100 com/example/Prover.java:55 2
                @ALLOCATE Proof 100 com/example/Prover.java:90 3
                @ALLOCATE Index 10 Cache.java:30 4
                @ALLOCATE Gone 10 Old.java:1 5
                """);
        Analysis after = TestLogs.analyse("""
                @ALLOCATE Proof 100 com/example/Prover.java:58 1
                @ALLOCATE Proof 100 com/example/Prover.java:93 2
                @ALLOCATE Proof 100 com/example/Prover.java:93 3
                @ALLOCATE Index 10 Cache.java:30 4
                @ALLOCATE Fresh 10 New.java:1 5
                @ALLOCATE Proof 100 com/example/Other.java:55 6
                """);
        LeakDiff diff = LeakDiff.compare(before, after);

        assertThat(diff.before()).isEqualTo(new Amount(5, 320));
        assertThat(diff.after()).isEqualTo(new Amount(6, 420));
        assertThat(diff.types()).extracting(t -> t.type(), t -> t.verdict()).containsExactly(
                tuple("Proof", Verdict.WORSE), tuple("Fresh", Verdict.NEW), tuple("Gone", Verdict.FIXED),
                tuple("Index", Verdict.UNCHANGED));
        assertThat(diff.sites()).extracting(s -> s.type(), s -> s.beforeSite(), s -> s.afterSite(), s -> s.verdict())
                .containsExactlyInAnyOrder(
                        tuple("Proof", "com/example/Prover.java:55", "com/example/Prover.java:58", Verdict.IMPROVED),
                        tuple("Proof", "com/example/Prover.java:90", "com/example/Prover.java:93", Verdict.WORSE),
                        tuple("Proof", null, "com/example/Other.java:55", Verdict.NEW),
                        tuple("Index", "Cache.java:30", "Cache.java:30", Verdict.UNCHANGED),
                        tuple("Gone", "Old.java:1", null, Verdict.FIXED),
                        tuple("Fresh", null, "New.java:1", Verdict.NEW));
        assertThat(diff.hasRegression()).isTrue();
    }

    @Test
    void eachBeforeSiteMatchesOnlyOneAfterSite() throws Exception {
        Analysis before = TestLogs.analyse("@ALLOCATE Proof 100 P.java:50 1\n");
        Analysis after = TestLogs.analyse("@ALLOCATE Proof 100 P.java:52 1\n@ALLOCATE Proof 100 P.java:49 2\n");
        LeakDiff diff = LeakDiff.compare(before, after);
        assertThat(diff.sites()).extracting(s -> s.beforeSite(), s -> s.afterSite(), s -> s.verdict())
                .containsExactlyInAnyOrder(
                        tuple("P.java:50", "P.java:49", Verdict.UNCHANGED),
                        tuple(null, "P.java:52", Verdict.NEW));
    }

    @Test
    void aFixedLeakHasNoRegression() throws Exception {
        LeakDiff diff = LeakDiff.compare(TestLogs.analyse(TestLogs.SEED),
                TestLogs.analyse("@ALLOCATE WasmFpSrs 209715200 src/srs.rs:44 1\n@DROP WasmFpSrs 209715200 1\n"));
        assertThat(diff.types()).singleElement().satisfies(t -> assertThat(t.verdict()).isEqualTo(Verdict.FIXED));
        assertThat(diff.hasRegression()).isFalse();
    }
}

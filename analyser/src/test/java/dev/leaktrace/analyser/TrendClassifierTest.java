package dev.leaktrace.analyser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendClassifierTest {
    /** Samples at 0, 100, 200 ... 2000: 21 evenly spaced points, like a 2000-event log. */
    private static final long[] ORDINALS = new long[21];

    static {
        for (int i = 0; i < ORDINALS.length; i++) {
            ORDINALS[i] = i * 100L;
        }
    }

    private static Trend classify(int... counts) {
        return TrendClassifier.classify(ORDINALS, counts);
    }

    @Test
    void aLiveCountStillRisingAtTheEndIsGrowing() {
        assertThat(classify(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100))
                .isEqualTo(Trend.GROWING);
        // a leak that only started late still grows
        assertThat(classify(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 8, 10)).isEqualTo(Trend.GROWING);
    }

    @Test
    void aCacheThatFillsThenStopsIsLevelling() {
        assertThat(classify(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100))
                .isEqualTo(Trend.LEVELLING);
    }

    @Test
    void aFullCacheJitteringByAFewEntriesIsNotGrowing() {
        assertThat(classify(0, 50, 100, 100, 98, 100, 99, 100, 97, 100, 99, 98, 100, 99, 98, 97, 96, 97, 98, 99, 100))
                .isEqualTo(Trend.LEVELLING);
    }

    @Test
    void objectsAllocatedAtStartupAndHeldAreSteady() {
        assertThat(classify(0, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40))
                .isEqualTo(Trend.STEADY);
    }

    @Test
    void tooFewEventsOrASingleObjectIsSingle() {
        assertThat(TrendClassifier.classify(new long[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3})).isEqualTo(Trend.SINGLE);
        assertThat(classify(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1)).isEqualTo(Trend.SINGLE);
    }

    @Test
    void theStrongestTrendOfSeveralFilesWins() {
        assertThat(Trend.stronger(Trend.STEADY, Trend.GROWING)).isEqualTo(Trend.GROWING);
        assertThat(Trend.stronger(Trend.LEVELLING, Trend.SINGLE)).isEqualTo(Trend.LEVELLING);
        assertThat(Trend.stronger(null, Trend.SINGLE)).isEqualTo(Trend.SINGLE);
    }
}

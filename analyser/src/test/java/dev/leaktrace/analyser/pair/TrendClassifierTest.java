package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.Timeline;
import dev.leaktrace.analyser.result.Trend;
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

    @Test
    void classifiesTrendsFromTheOrderOfEvents() throws Exception {
        StringBuilder log = new StringBuilder();
        long id = 0;
        java.util.ArrayDeque<Long> cache = new java.util.ArrayDeque<>();
        for (int step = 0; step < 1000; step++) {
            log.append("@ALLOCATE Leak 8 leak.rs:1 ").append(++id).append('\n');
            log.append("@ALLOCATE Cache 8 cache.rs:1 ").append(++id).append('\n');
            cache.add(id);
            if (cache.size() > 100) {
                log.append("@DROP Cache 8 ").append(cache.poll()).append('\n');
            }
        }
        Analysis analysis = TestLogs.analyse(log.toString());
        assertThat(analysis.groups()).extracting(LeakGroup::type, LeakGroup::trend).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Leak", Trend.GROWING),
                org.assertj.core.groups.Tuple.tuple("Cache", Trend.LEVELLING));
        Timeline timeline = analysis.timelines().get(0);
        assertThat(timeline.events()).isEqualTo(2900);
        assertThat(timeline.ordinals().length).isBetween(LiveSampler.BUCKETS + 1, 2 * LiveSampler.BUCKETS + 2);
        assertThat(timeline.types()).extracting(Timeline.TypeSeries::type).containsExactly("Leak", "Cache");
    }
}

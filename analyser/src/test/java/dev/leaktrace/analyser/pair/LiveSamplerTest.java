package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveSamplerTest {
    @Test
    void keepsBetweenOneAndTwoBucketsWorthOfEvenlySpacedSamplesWhateverTheLength() {
        for (long events : new long[] {5, 20, 41, 1000, 123_457}) {
            LiveSampler sampler = new LiveSampler(20);
            int[] live = {0};
            for (long ordinal = 1; ordinal <= events; ordinal++) {
                live[0] = (int) ordinal;
                sampler.tick(ordinal, live, 1, new long[0], 0);
            }
            sampler.finish(events, live, 1, new long[0], 0);
            long[] ordinals = sampler.ordinals();
            assertThat(ordinals[0]).isZero();
            assertThat(ordinals[ordinals.length - 1]).isEqualTo(events);
            assertThat(ordinals.length).isLessThanOrEqualTo(2 * 20 + 2);
            if (events >= 20) {
                assertThat(ordinals.length).isGreaterThanOrEqualTo(21);
            }
            long step = ordinals[1] - ordinals[0];
            for (int i = 1; i < ordinals.length - 1; i++) {
                assertThat(ordinals[i] - ordinals[i - 1]).isEqualTo(step);
            }
            int[] counts = sampler.liveCounts(0);
            for (int i = 1; i < counts.length; i++) {
                assertThat((long) counts[i]).isEqualTo(ordinals[i]); // the value seen at that ordinal
            }
        }
    }
}

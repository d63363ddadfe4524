package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.Timeline;
import org.junit.jupiter.api.Test;

class TimeMarksPairingTest {

    /** {@code n} allocations of ids from {@code firstId}. */
    private static String allocations(int firstId, int n) {
        StringBuilder log = new StringBuilder();
        for (int id = firstId; id < firstId + n; id++) {
            log.append("@ALLOCATE app.Conn 10 app/Repo.java:17 ").append(id).append('\n');
        }
        return log.toString();
    }

    @Test
    void eventsArePlacedInTimeBetweenTheMarksAroundThem() throws Exception {
        // 10 events in the first second after 1 s of startup, 30 in the next 3 s, then an idle second.
        Analysis analysis = TestLogs.analyse("@TIME 1000\n" + allocations(1, 10) + "@TIME 2000\n"
                + allocations(11, 30) + "@TIME 5000\n@TIME 6000\n");
        Timeline timeline = analysis.timelines().get(0);
        assertThat(analysis.otherEvents()).isZero();
        assertThat(analysis.problems().isEmpty()).isTrue();
        assertThat(analysis.allocations()).isEqualTo(40);
        assertThat(timeline.timed()).isTrue();
        long[] ordinals = timeline.ordinals();
        double[] seconds = timeline.seconds();
        assertThat(seconds).hasSameSizeAs(ordinals);
        assertThat(seconds[0]).isZero();
        for (int i = 1; i < ordinals.length; i++) {
            double expected = ordinals[i] <= 10 ? 1 + ordinals[i] / 10.0 : 2 + (ordinals[i] - 10) / 10.0;
            assertThat(seconds[i]).as("ordinal " + ordinals[i]).isCloseTo(expected, within(1e-9));
        }
        assertThat(timeline.lastSecond()).isEqualTo(5.0); // the 40th event is at the 5 s mark; idle after
    }

    @Test
    void eventsAfterTheLastMarkStayAtItAndALogWithoutMarksIsUntimed() throws Exception {
        Timeline cutOff = TestLogs.analyse("@TIME 250\n" + allocations(1, 5)).timelines().get(0);
        assertThat(cutOff.seconds()).containsOnly(0.0, 0.25);
        Timeline untimed = TestLogs.analyse(allocations(1, 5)).timelines().get(0);
        assertThat(untimed.timed()).isFalse();
        assertThat(untimed.seconds()).isNull();
        assertThat(untimed.lastSecond()).isZero();
    }

    @Test
    void aMarkEarlierThanTheLastOneIsIgnored() throws Exception {
        Timeline timeline = TestLogs.analyse("@TIME 1000\n" + allocations(1, 2) + "@TIME 3000\n"
                + allocations(3, 2) + "@TIME 500\n@TIME 4000\n").timelines().get(0);
        assertThat(timeline.lastSecond()).isEqualTo(4.0);
        for (int i = 1; i < timeline.seconds().length; i++) {
            assertThat(timeline.seconds()[i]).isGreaterThanOrEqualTo(timeline.seconds()[i - 1]);
        }
    }
}

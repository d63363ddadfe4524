package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;
import org.junit.jupiter.api.Test;

class ShallowSizeTest {
    private final Instrumentation instrumentation = TestInstrumentation.get();

    static class Small {
        int a;
    }

    static class Larger extends Small {
        long b, c, d, e;
    }

    @Test
    void equalsTheJvmObjectSize() throws Exception {
        SizeEstimator estimator = SizeRule.shallow().bind(Small.class, instrumentation);
        Small small = new Small();
        assertThat(estimator.estimate(small)).isEqualTo(instrumentation.getObjectSize(small)).isPositive();
        assertThat(estimator.estimate(new Small())).isEqualTo(instrumentation.getObjectSize(small));
    }

    @Test
    void aSubclassInstanceIsMeasuredOnItsOwnAndDoesNotChangeTheCachedSize() throws Exception {
        SizeEstimator estimator = SizeRule.shallow().bind(Small.class, instrumentation);
        Larger larger = new Larger();
        assertThat(estimator.estimate(larger)).isEqualTo(instrumentation.getObjectSize(larger));
        Small small = new Small();
        assertThat(estimator.estimate(small)).isEqualTo(instrumentation.getObjectSize(small));
        assertThat(instrumentation.getObjectSize(larger)).isGreaterThan(instrumentation.getObjectSize(small));
    }

    @Test
    void arraysAreMeasuredEachTime() throws Exception {
        SizeEstimator estimator = SizeRule.shallow().bind(long[].class, instrumentation);
        assertThat(estimator.estimate(new long[1000])).isGreaterThanOrEqualTo(8000);
        assertThat(estimator.estimate(new long[1])).isLessThan(100);
    }

    @Test
    void needsInstrumentation() {
        assertThatThrownBy(() -> SizeRule.shallow().bind(Small.class, null))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining(Small.class.getName());
    }
}

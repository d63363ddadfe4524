package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.result.Analysis;
import org.junit.jupiter.api.Test;

class ExampleIdsTest {

    @Test
    void collectedExamplesAreTheEarliestIdsInOrderWhateverOrderTheCollectorChose() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int id = 1; id <= 8; id++) {
            log.append("@ALLOCATE Buf 10 Main.java:5 ").append(id).append('\n');
        }
        for (int id : new int[] {7, 3, 8, 1, 6, 2, 5, 4}) {
            log.append("@GC Buf 10 ").append(id).append('\n');
        }
        Analysis analysis = TestLogs.analyse(log.toString());
        assertThat(analysis.collected()).hasSize(1);
        assertThat(analysis.collected().get(0).ids()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }
}

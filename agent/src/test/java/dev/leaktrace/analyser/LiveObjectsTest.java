package dev.leaktrace.analyser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveObjectsTest {

    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemovesThroughGrowth() {
        LiveObjects live = new LiveObjects();
        Map<Long, Long> expected = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            long id = 1 + random.nextInt(20_000);
            int slot = live.find(id);
            assertThat(slot >= 0).isEqualTo(expected.containsKey(id));
            if (slot >= 0) {
                assertThat(live.sizeAt(slot)).isEqualTo(expected.remove(id));
                live.removeAt(slot);
            } else {
                live.put(id, (int) (id % 7), id * 3, step);
                expected.put(id, id * 3);
            }
        }
        assertThat(live.size()).isEqualTo(expected.size());
        int seen = 0;
        for (int slot = 0; slot < live.capacity(); slot++) {
            long id = live.idAt(slot);
            if (id != 0) {
                seen++;
                assertThat(live.groupAt(slot)).isEqualTo((int) (id % 7));
                assertThat(live.sizeAt(slot)).isEqualTo(expected.get(id));
            }
        }
        assertThat(seen).isEqualTo(expected.size());
    }

    @Test
    void clearForgetsEverything() {
        LiveObjects live = new LiveObjects();
        for (long id = 1; id <= 5000; id++) {
            live.put(id, 0, 1, id);
        }
        live.clear();
        assertThat(live.size()).isZero();
        assertThat(live.find(17)).isEqualTo(-1);
    }
}

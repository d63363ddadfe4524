package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveObjectsTest {

    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemovesThroughGrowth() {
        agreesWithAHashMap(new LiveObjects(), new Random(42), 20_000);
    }

    @Test
    void agreesWithAHashMapWhileObjectsMoveBetweenGenerations() {
        // A young generation of 64 slots is full every few dozen allocations.
        agreesWithAHashMap(new LiveObjects(64), new Random(7), 2_000);
        agreesWithAHashMap(new LiveObjects(64), new Random(8), 50);
    }

    @Test
    void findsObjectsInBothGenerationsWhenIdsGoDownAsWellAsUp() {
        LiveObjects live = new LiveObjects(64);
        for (long id = 1000; id >= 1; id--) {
            live.put(id, 0, id, 1001 - id); // every later id is smaller: the old generation must be searched
        }
        for (long id = 1; id <= 1000; id++) {
            int slot = live.find(id);
            assertThat(slot).as("id %d", id).isNotNegative();
            assertThat(live.idAt(slot)).isEqualTo(id);
            assertThat(live.sizeAt(slot)).isEqualTo(id);
            assertThat(live.ordinalAt(slot)).isEqualTo(1001 - id);
        }
        assertThat(live.find(1001)).isEqualTo(-1);
    }

    @Test
    void idsThatClaimTheSameYoungSlotMoveTheEarlierOneToTheOldGeneration() {
        LiveObjects live = new LiveObjects(64);
        for (long id = 64; id <= 64 * 100; id += 64) {
            live.put(id, (int) (id / 64), id * 2, id); // every id lands in young slot 0
        }
        assertThat(live.size()).isEqualTo(100);
        for (long id = 64; id <= 64 * 100; id += 64) {
            int slot = live.find(id);
            assertThat(slot).as("id %d", id).isNotNegative();
            assertThat(live.groupAt(slot)).isEqualTo((int) (id / 64));
            assertThat(live.sizeAt(slot)).isEqualTo(id * 2);
            live.removeAt(slot);
            assertThat(live.find(id)).isEqualTo(-1);
        }
        assertThat(live.size()).isZero();
    }

    @Test
    void aRemovedYoungObjectFreesItsSlotWithoutDisturbingTheOldOne() {
        LiveObjects live = new LiveObjects(64);
        live.put(5, 1, 10, 1);
        live.put(69, 2, 20, 2); // same young slot: 5 moves to the old generation
        live.removeAt(live.find(69));
        assertThat(live.find(69)).isEqualTo(-1);
        assertThat(live.sizeAt(live.find(5))).isEqualTo(10);
        live.put(69, 3, 30, 3); // allocated again after its drop
        assertThat(live.groupAt(live.find(69))).isEqualTo(3);
        assertThat(live.size()).isEqualTo(2);
    }

    private static void agreesWithAHashMap(LiveObjects live, Random random, int ids) {
        Map<Long, Long> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long id = 1 + random.nextInt(ids);
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

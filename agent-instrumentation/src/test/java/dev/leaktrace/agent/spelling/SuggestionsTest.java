package dev.leaktrace.agent.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void aSwapOfNeighbouringLettersIsOneEdit() {
        assertThat(Suggestions.distance("pionts", "points")).isEqualTo(1);
        assertThat(Suggestions.nearest("outptu", List.of("types", "output"))).isEqualTo("output");
    }

    @Test
    void caseIsIgnored() {
        assertThat(Suggestions.nearest("OnConfigerror", List.of("onConfigError", "output"))).isEqualTo("onConfigError");
    }

    @Test
    void theFirstOfEquallyNearCandidatesWins() {
        assertThat(Suggestions.nearest("sizz", List.of("size", "sizx"))).isEqualTo("size");
    }

    @Test
    void aFarWordHasNoSuggestion() {
        assertThat(Suggestions.nearest("zzzzzzzz", List.of("points", "degree", "capacity"))).isNull();
    }

    @Test
    void theBoundedDistanceAgreesWithTheFullOneBelowItsLimit() {
        String[] words = {"", "a", "ab", "ba", "points", "pionts", "com.example.db.PooledConection",
                "com.example.db.PooledConnection", "java.util.HashMap", "java.util.hashmap", "xyz"};
        for (String a : words) {
            for (String b : words) {
                int full = Suggestions.distance(a, b);
                assertThat(Suggestions.letterCountDifference(a, b)).as("%s / %s", a, b).isLessThanOrEqualTo(full);
                for (int limit = 0; limit <= 12; limit++) {
                    int bounded = Suggestions.distanceBelow(a, b, limit);
                    if (full < limit) {
                        assertThat(bounded).as("%s / %s below %d", a, b, limit).isEqualTo(full);
                    } else {
                        assertThat(bounded).as("%s / %s below %d", a, b, limit).isGreaterThanOrEqualTo(limit);
                    }
                }
            }
        }
    }

    @Test
    void aMisspeltClassAmongManyLoadedNamesFindsItsClass() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            names.add("java.util.concurrent.Generated" + i);
        }
        names.add("com.example.db.PooledConnection");
        assertThat(Suggestions.nearest("com.example.db.PooledConection", names))
                .isEqualTo("com.example.db.PooledConnection");
    }
}

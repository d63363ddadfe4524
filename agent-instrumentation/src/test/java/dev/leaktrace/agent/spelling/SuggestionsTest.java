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
}

package dev.leaktrace.agent.instrument;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The preload runs on a background thread that swallows failures; here a failure shows. */
class RewritingPreloadTest {
    @Test
    void theSampleClassIsWrittenAndRewritten() {
        assertThatCode(RewritingPreload::loadClasses).doesNotThrowAnyException();
    }
}

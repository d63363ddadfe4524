package dev.leaktrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessIdTest {
    @Test
    void isThisProcesssIdAsTheProcessApiGivesIt() {
        assertThat(ProcessId.current()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
}

package dev.leaktrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The output an annotation asks for, used when it is the one that installs the agent. */
class CheckSettingsOutputTest {
    @LeakCheck(types = "leakfixtures.Connection")
    void inline() {
    }

    @LeakCheck(types = "leakfixtures.Connection", output = "stderr")
    void explicit() {
    }

    @LeakCheck(config = "subtypes-leaktrace.yaml")
    void fromTheConfig() {
    }

    @LeakCheck(config = "subtypes-leaktrace.yaml", output = "none")
    void annotationBeforeConfig() {
    }

    @BeforeAll
    static void prepare() {
        assertThat(AgentStartup.ensurePrepared()).isNull();
    }

    private static String outputOf(String method) throws NoSuchMethodException {
        LeakCheck check = CheckSettingsOutputTest.class.getDeclaredMethod(method).getAnnotation(LeakCheck.class);
        return CheckSettings.of(check, CheckSettingsOutputTest.class).config.output();
    }

    @Test
    void theAnnotationsOutputElseTheConfigsElseNone() throws NoSuchMethodException {
        assertThat(outputOf("inline")).isEqualTo("none");
        assertThat(outputOf("explicit")).isEqualTo("stderr");
        assertThat(outputOf("fromTheConfig")).isEqualTo("leaks-%p.log");
        assertThat(outputOf("annotationBeforeConfig")).isEqualTo("none");
    }
}

package dev.leaktrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The output an annotation asks for, read before any config may be parsed. */
class AgentStartupTest {
    @LeakCheck(types = "a.B")
    void inline() {
    }

    @LeakCheck(types = "a.B", output = "stderr")
    void explicit() {
    }

    @LeakCheck(config = "subtypes-leaktrace.yaml")
    void fromTheConfig() {
    }

    @LeakCheck(config = "subtypes-leaktrace.yaml", output = "none")
    void annotationBeforeConfig() {
    }

    @LeakCheck(config = "recipe:jdk-io")
    void recipe() {
    }

    private static String outputOf(String method) throws NoSuchMethodException {
        LeakCheck check = AgentStartupTest.class.getDeclaredMethod(method).getAnnotation(LeakCheck.class);
        return AgentStartup.outputOf(check, AgentStartupTest.class.getClassLoader());
    }

    @Test
    void theAnnotationsOutputElseTheConfigsElseNone() throws NoSuchMethodException {
        assertThat(outputOf("inline")).isEqualTo("none");
        assertThat(outputOf("explicit")).isEqualTo("stderr");
        assertThat(outputOf("fromTheConfig")).isEqualTo("leaks-%p.log");
        assertThat(outputOf("annotationBeforeConfig")).isEqualTo("none");
        assertThat(outputOf("recipe")).isEqualTo("none");
    }
}

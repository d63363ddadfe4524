package dev.leaktrace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.agent.config.ConfigException;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {
    @Test
    void readsKeyValuePairs() throws Exception {
        AgentArguments a = AgentArguments.parse("config=lt.yaml,output=out-%p.log,onConfigError=warn,metrics=127.0.0.1:9464");
        assertThat(a.metrics()).isEqualTo("127.0.0.1:9464");
        assertThat(a.config()).isEqualTo("lt.yaml");
        assertThat(a.output()).isEqualTo("out-%p.log");
        assertThat(a.onConfigError()).isEqualTo("warn");
    }

    @Test
    void configFallsBackToTheSystemProperty() throws Exception {
        System.setProperty(AgentArguments.CONFIG_PROPERTY, "from-property.yaml");
        try {
            assertThat(AgentArguments.parse(null).config()).isEqualTo("from-property.yaml");
            assertThat(AgentArguments.parse("config=given.yaml").config()).isEqualTo("given.yaml");
        } finally {
            System.clearProperty(AgentArguments.CONFIG_PROPERTY);
        }
        assertThat(AgentArguments.parse("").config()).isNull();
    }

    @Test
    void unknownArgumentSuggestsTheNearest() {
        assertThatThrownBy(() -> AgentArguments.parse("confg=lt.yaml")).isInstanceOf(ConfigException.class)
                .hasMessage("unknown agent argument 'confg'; did you mean 'config'? Known arguments: config, output, onConfigError, metrics.");
    }

    @Test
    void argumentWithoutValue() {
        assertThatThrownBy(() -> AgentArguments.parse("lt.yaml")).hasMessageContaining("is not key=value");
    }
}

package dev.leaktrace.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsAddressTest {
    @Test
    void loopbackFormsAndTheExplicitPublicForm() {
        MetricsAddress port = MetricsAddress.parse("9464");
        assertThat(port.host().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(port.port()).isEqualTo(9464);
        assertThat(MetricsAddress.parse("127.0.0.2:80").host().isLoopbackAddress()).isTrue();
        assertThat(MetricsAddress.parse("[::1]:9464").host().isLoopbackAddress()).isTrue();
        MetricsAddress open = MetricsAddress.parse("public:0.0.0.0:9464");
        assertThat(open.host().isAnyLocalAddress()).isTrue();
        assertThat(open.toString()).isEqualTo("public:0.0.0.0:9464");
        assertThat(MetricsAddress.parse("public:[::]:9464").host().isAnyLocalAddress()).isTrue();
    }

    @Test
    void malformedAddressesSayWhatToWrite() {
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1:")).hasMessageContaining("the port '' is not a number");
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1:http")).hasMessageContaining("the port 'http'");
        assertThatThrownBy(() -> MetricsAddress.parse("::1:9464")).hasMessageContaining("[::1]:PORT");
        assertThatThrownBy(() -> MetricsAddress.parse("[::1]9464")).hasMessageContaining("is not [IPv6]:PORT");
        assertThatThrownBy(() -> MetricsAddress.parse("public:9464")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> MetricsAddress.parse("999.1.1.1:9464")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> MetricsAddress.parse("[::]:9464")).hasMessageContaining("write 'public:[::]:9464'");
    }
}

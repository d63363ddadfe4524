package dev.leaktrace.analyser.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimeLineParserTest {
    private final EventLineParser parser = new EventLineParser();
    private final EventLine event = new EventLine();

    private byte parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, event);
    }

    @Test
    void parsesTheMillisecondsSinceTheJvmStarted() {
        assertThat(parse("@TIME 1234")).isEqualTo(LineKind.TIME);
        assertThat(event.millis).isEqualTo(1234);
        assertThat(parse("12:00:01 INFO @TIME 0")).isEqualTo(LineKind.TIME);
        assertThat(event.millis).isZero();
        assertThat(LineKind.name(LineKind.TIME)).isEqualTo("TIME");
    }

    @Test
    void aTimeLineWithoutAWholeNumberIsMalformed() {
        assertThat(parse("@TIME")).isEqualTo(LineKind.MALFORMED);
        assertThat(event.token).isEqualTo(LineKind.TIME);
        assertThat(event.error).contains("missing");
        assertThat(parse("@TIME 1.5")).isEqualTo(LineKind.MALFORMED);
        assertThat(event.error).contains("not a whole number");
        assertThat(parse("@TIME -3")).isEqualTo(LineKind.MALFORMED);
    }

    @Test
    void theCanonicalParserLeavesItToTheGeneralOne() {
        byte[] bytes = "@TIME 1000\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(new CanonicalLineParser().parse(bytes, 0, bytes.length, event)).isEqualTo(-1);
    }
}

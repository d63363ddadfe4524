package dev.leaktrace.analyser.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackLineParserTest {
    private final EventLineParser parser = new EventLineParser();
    private final EventLine event = new EventLine();
    private byte[] bytes;

    private byte parse(String line) {
        bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, event);
    }

    private String frames() {
        return new String(bytes, event.framesStart, event.framesEnd - event.framesStart, StandardCharsets.UTF_8);
    }

    @Test
    void parsesTheIdAndTheFramesRootFirst() {
        String frames = "com.example.Main.main(Main.java:10);com.example.Service.handle(Service.java:42);"
                + "com.example.Repo.open(Repo.java:17)";
        assertThat(parse("@STACK 12 " + frames)).isEqualTo(LineKind.STACK);
        assertThat(event.id).isEqualTo(12L);
        assertThat(frames()).isEqualTo(frames);
    }

    @Test
    void findsTheTokenAfterAPrefixAndIgnoresTrailingFields() {
        assertThat(parse("2025-08-11T10:00:00Z [stderr] @STACK 7 ...;a.B.c(B.java:1)\tsrs.js:10\r"))
                .isEqualTo(LineKind.STACK);
        assertThat(event.id).isEqualTo(7L);
        assertThat(frames()).isEqualTo("...;a.B.c(B.java:1)");
    }

    @Test
    void keepsPercentEncodedFramesAsOneWordAsWritten() {
        // A space, an '@' and a '%' inside names arrive encoded; they must neither end the word nor
        // be mistaken for a token.
        String frames = "a.My%20Class.run(My%20Class.java:3);a.Mail%40Box.send%25(Mail.java:9)";
        assertThat(parse("@STACK 3 " + frames)).isEqualTo(LineKind.STACK);
        assertThat(frames()).isEqualTo(frames);
    }

    @Test
    void aSingleFrameIsAStack() {
        assertThat(parse("@STACK 1 a.B.c(B.java:1)")).isEqualTo(LineKind.STACK);
        assertThat(frames()).isEqualTo("a.B.c(B.java:1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@STACK",
        "@STACK 12",
        "@STACK 12   ",
        "@STACK a.B.c(B.java:1)",
        "@STACK 0 a.B.c(B.java:1)",
        "@STACK -3 a.B.c(B.java:1)",
        "@STACK 1x a.B.c(B.java:1)",
        "@STACK 12 ;a.B.c(B.java:1)",
        "@STACK 12 a.B.c(B.java:1);",
        "@STACK 12 a.B.c(B.java:1);;d.E.f(E.java:2)",
        "@STACK 12 ;",
    })
    void rejectsMalformedStackLinesWithAReason(String line) {
        assertThat(parse(line)).isEqualTo(LineKind.MALFORMED);
        assertThat(event.token).isEqualTo(LineKind.STACK);
        assertThat(event.error).isNotBlank();
    }

    @Test
    void isNotATokenInsideAWord() {
        assertThat(parse("x@STACK 1 a.B.c(B.java:1)")).isEqualTo(LineKind.NONE);
    }
}

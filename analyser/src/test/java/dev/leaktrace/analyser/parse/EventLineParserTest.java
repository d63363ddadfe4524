package dev.leaktrace.analyser.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLineParserTest {
    private final EventLineParser parser = new EventLineParser();
    private final EventLine event = new EventLine();
    private byte[] bytes;

    private byte parse(String line) {
        bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, event);
    }

    private String field(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    @Test
    void parsesAnAllocation() {
        assertThat(parse("@ALLOCATE WasmFpSrs 209715200 src/srs.rs:42 1")).isEqualTo(LineKind.ALLOCATE);
        assertThat(field(event.typeStart, event.typeEnd)).isEqualTo("WasmFpSrs");
        assertThat(event.size).isEqualTo(209715200L);
        assertThat(field(event.siteStart, event.siteEnd)).isEqualTo("src/srs.rs:42");
        assertThat(event.line).isEqualTo(42);
        assertThat(event.id).isEqualTo(1L);
    }

    @Test
    void parsesDropAndGc() {
        assertThat(parse("@DROP com.example.Outer$Inner 52428800 2")).isEqualTo(LineKind.DROP);
        assertThat(field(event.typeStart, event.typeEnd)).isEqualTo("com.example.Outer$Inner");
        assertThat(event.size).isEqualTo(52428800L);
        assertThat(event.id).isEqualTo(2L);

        assertThat(parse("@GC [B 16 9223372036854775807")).isEqualTo(LineKind.GC);
        assertThat(event.id).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void findsTheTokenAfterAPrefix() {
        assertThat(parse("2025-08-11T10:00:00Z INFO [console] @ALLOCATE WasmFpSrs 10 src/srs.rs:42 7"))
                .isEqualTo(LineKind.ALLOCATE);
        assertThat(field(event.typeStart, event.typeEnd)).isEqualTo("WasmFpSrs");
        assertThat(event.id).isEqualTo(7L);

        assertThat(parse("[stderr]@DROP Foo 10 7")).isEqualTo(LineKind.DROP);
        assertThat(parse("console.log:\t@GC Foo 10 7")).isEqualTo(LineKind.GC);
    }

    @Test
    void splitsTheSiteOnItsLastColon() {
        assertThat(parse("@ALLOCATE Foo 1 C:/src/app/Main.java:1234 5")).isEqualTo(LineKind.ALLOCATE);
        assertThat(field(event.siteStart, event.siteEnd)).isEqualTo("C:/src/app/Main.java:1234");
        assertThat(event.line).isEqualTo(1234);
    }

    @Test
    void toleratesExtraBlanksAndTrailingFields() {
        assertThat(parse("@ALLOCATE  Foo\t1   a.rs:2  3   srs.js:10\r")).isEqualTo(LineKind.ALLOCATE);
        assertThat(event.id).isEqualTo(3L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain program output",
        "# format: @ALLOCATE <type> <size_bytes> <file>:<line> <unique_id>",
        "  # @DROP <type> <size_bytes> <unique_id>",
        "word@ALLOCATE Foo 1 a.rs:1 1",
        "mail me at someone@ALLOCATE.example",
        "@Override public void run()",
        "",
    })
    void ignoresLinesWithoutOurToken(String line) {
        assertThat(parse(line)).isEqualTo(LineKind.NONE);
    }

    @Test
    void countsOtherUpperCaseTokens() {
        assertThat(parse("@MARK 12 phase-two")).isEqualTo(LineKind.OTHER);
        assertThat(parse("@STACKS 12 a.b.C.m(C.java:3)")).isEqualTo(LineKind.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@ALLOCATE",
        "@ALLOCATE Foo",
        "@ALLOCATE Foo 12",
        "@ALLOCATE Foo 12 a.rs:3",
        "@ALLOCATE Foo twelve a.rs:3 1",
        "@ALLOCATE Foo -12 a.rs:3 1",
        "@ALLOCATE Foo 12 a.rs 1",
        "@ALLOCATE Foo 12 :3 1",
        "@ALLOCATE Foo 12 a.rs:x 1",
        "@ALLOCATE Foo 12 a.rs:3 0",
        "@ALLOCATE Foo 12 a.rs:3 1x",
        "@ALLOCATE Foo 99999999999999999999 a.rs:3 1",
        "@DROP Foo 12",
        "@DROP Foo 12 -4",
        "@GC Foo",
    })
    void rejectsMalformedFieldsWithAReason(String line) {
        assertThat(parse(line)).isEqualTo(LineKind.MALFORMED);
        assertThat(event.error).isNotBlank();
        assertThat(event.token).isIn(LineKind.ALLOCATE, LineKind.DROP, LineKind.GC);
    }

    @Test
    void parsesOnlyTheGivenRangeOfTheBuffer() {
        bytes = "xx@DROP Foo 12 345yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(bytes, 2, bytes.length - 2, event)).isEqualTo(LineKind.DROP);
        assertThat(event.id).isEqualTo(345L);
    }
}

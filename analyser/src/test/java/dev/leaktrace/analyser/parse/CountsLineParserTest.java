package dev.leaktrace.analyser.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountsLineParserTest {
    private final EventLineParser parser = new EventLineParser();
    private final EventLine event = new EventLine();
    private byte[] bytes;

    private byte parse(String line) {
        bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, event);
    }

    private String text(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    @Test
    void parsesTypeSiteAndTheSixCounts() {
        assertThat(parse("@COUNTS app.Conn app/Repo.java:17 2000 32000 1990 31840 3 48")).isEqualTo(LineKind.COUNTS);
        assertThat(text(event.typeStart, event.typeEnd)).isEqualTo("app.Conn");
        assertThat(text(event.siteStart, event.siteEnd)).isEqualTo("app/Repo.java:17");
        assertThat(event.counts).containsExactly(2000, 32000, 1990, 31840, 3, 48);
    }

    @Test
    void aCountsLineWithMissingOrBadNumbersIsMalformed() {
        assertThat(parse("@COUNTS app.Conn app/Repo.java:17 1 2 3")).isEqualTo(LineKind.MALFORMED);
        assertThat(event.error).contains("six counts");
        assertThat(parse("@COUNTS app.Conn app/Repo.java:17 1 2 x 4 5 6")).isEqualTo(LineKind.MALFORMED);
        assertThat(event.error).contains("not a whole number");
        assertThat(parse("@COUNTS app.Conn Repo 1 2 3 4 5 6")).isEqualTo(LineKind.MALFORMED);
        assertThat(event.token).isEqualTo(LineKind.COUNTS);
    }

    @Test
    void theAgentsHeaderIsItsOwnKindOtherCommentsAreNot() {
        assertThat(parse("# leaktrace 1.0 pid=42 start=2026-01-01T00:00:00.000Z java=17 host=web-7 config=a.yaml"
                + " log=survivors survivorAge=10000ms")).isEqualTo(LineKind.HEADER);
        LogHeader header = LogHeader.parse(text(event.lineStart, event.lineEnd));
        assertThat(header).isEqualTo(new LogHeader("web-7", 42, true, 10_000));
        assertThat(parse("# a comment")).isEqualTo(LineKind.NONE);
        assertThat(LogHeader.parse("# leaktrace 0.1 pid=7 config=x.yaml")).isEqualTo(new LogHeader(null, 7, false, 0));
    }
}

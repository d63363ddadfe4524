package dev.leaktrace.analyser.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private record Line(String text, long number, boolean terminated) {
    }

    private static List<Line> read(String text, int buffer) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), buffer);
    }

    private static List<Line> read(InputStream in, int buffer) throws IOException {
        List<Line> lines = new ArrayList<>();
        new LineReader(buffer).read(in, (b, s, e, n, t) ->
                lines.add(new Line(new String(b, s, e - s, StandardCharsets.UTF_8), n, t)));
        return lines;
    }

    @Test
    void splitsLinesAndStripsCarriageReturns() throws IOException {
        assertThat(read("a\r\nbb\n\nccc\r\n", 1024)).containsExactly(
                new Line("a", 1, true), new Line("bb", 2, true), new Line("", 3, true), new Line("ccc", 4, true));
    }

    @Test
    void flagsALastLineWithoutNewline() throws IOException {
        assertThat(read("a\nlast", 1024)).containsExactly(new Line("a", 1, true), new Line("last", 2, false));
    }

    @Test
    void handlesLinesSpanningBufferRefillsAndLongerThanTheBuffer() throws IOException {
        String longLine = "x".repeat(50);
        String text = "12345\n" + longLine + "\nabc\n" + longLine + longLine;
        List<Line> lines = read(text, 8);
        assertThat(lines).containsExactly(new Line("12345", 1, true), new Line(longLine, 2, true),
                new Line("abc", 3, true), new Line(longLine + longLine, 4, false));
    }

    @Test
    void survivesStreamsThatReturnOneByteAtATime() throws IOException {
        InputStream trickle = new ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(read(trickle, 4)).extracting(Line::text).containsExactly("one", "two");
    }

    @Test
    void findsTheFirstNewlineAtEveryOffsetOfTheEightByteWords() {
        for (int length = 0; length < 40; length++) {
            for (int at = -1; at < length; at++) {
                byte[] bytes = new byte[length + 3];
                java.util.Arrays.fill(bytes, (byte) 'x');
                bytes[0] = '\n'; // before the range: must be ignored
                bytes[length + 2] = '\n'; // after the range: must be ignored
                bytes[1] = (byte) 0x8b; // high bytes must not look like newlines
                if (at >= 0) {
                    bytes[1 + at] = '\n';
                    if (1 + at + 1 < length + 1) {
                        bytes[1 + at + 1] = '\n'; // a second one later does not win
                    }
                }
                assertThat(LineReader.indexOfNewline(bytes, 1, length + 1)).isEqualTo(at < 0 ? -1 : 1 + at);
            }
        }
    }
}

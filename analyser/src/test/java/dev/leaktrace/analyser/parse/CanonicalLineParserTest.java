package dev.leaktrace.analyser.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path must read a line exactly as {@link EventLineParser} does, or decline it: every
 * line it accepts is checked field by field against the general parser.
 */
class CanonicalLineParserTest {
    private final CanonicalLineParser canonical = new CanonicalLineParser();

    private static final List<String> AGENT_LINES = List.of(
            "@ALLOCATE java.io.FileInputStream 104 com/example/Main.java:42 1",
            "@DROP java.io.FileInputStream 104 1",
            "@GC com.example.Outer$Inner 16 123456789012345678",
            "@ALLOCATE WasmFpSrs 209715200 src/srs.rs:42 7",
            "@ALLOCATE a%20b 0 C:/src/Main.java:0 9",
            "@ALLOCATE T 1 Unknown:0 2147483647",
            "@ALLOCATE T 1 f:2147483647 3",
            "@ALLOCATE \u00e9t\u00e9 12 caf\u00e9.rs:1 3",
            "@ALLOCATE T 12345678 f:1 1234567",
            "@ALLOCATE T 1234567 f:1 12345678",
            "@DROP T 0 123456789012",
            "@DROP T 99999999 9999999");

    @Test
    void storesTheKindAsAByteCode() {
        String[] lines = {"@ALLOCATE T 1 f:1 5\n", "@DROP T 1 5\n", "@GC T 1 6\n"};
        byte[] kinds = {LineKind.ALLOCATE, LineKind.DROP, LineKind.GC};
        for (int i = 0; i < lines.length; i++) {
            byte[] bytes = lines[i].getBytes(StandardCharsets.US_ASCII);
            EventLine event = new EventLine();
            assertThat(canonical.parse(bytes, 0, bytes.length, event)).isEqualTo(bytes.length - 1);
            assertThat(event.kind).as(lines[i]).isEqualTo(kinds[i]);
            assertThat(event.size).isEqualTo(1);
        }
    }

    @Test
    void takesTheLinesTheAgentWrites() {
        for (String line : AGENT_LINES) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(canonical.parse(bytes, 0, bytes.length, new EventLine())).as(line).isEqualTo(bytes.length - 1);
            assertSameAsGeneralParser(bytes, 0, bytes.length);
        }
    }

    @Test
    void declinesWhatOnlyTheGeneralParserCanRead() {
        for (String line : List.of(
                "@ALLOCATE T 1 f:1 2\r\n", // carriage return
                "@ALLOCATE T 1 f:1 2 trailing\n", // text after the id
                "@ALLOCATE  T 1 f:1 2\n", // two spaces
                "@ALLOCATE\tT 1 f:1 2\n", // tab
                "ts @ALLOCATE T 1 f:1 2\n", // prefix
                "@ALLOCATE T 1 f:1 2", // no newline yet
                "@ALLOCATE T 1 f:0001 0000000000000000002\n", // 19 digits: left to the general parser
                "@ALLOCATE T 1 f:99999999999 2\n", // line number beyond an int
                "@ALLOCATE T 1 f: 2\n", "@ALLOCATE T 1 :1 2\n", "@ALLOCATE T 1 f 2\n",
                "@ALLOCATE T -1 f:1 2\n", "@ALLOCATE T 1 f:1 0\n", "@DROP T 1\n", "@GC\n",
                "@ALLOCATES T 1 f:1 2\n", "@DROPS T 1 2\n", "@ALLOCATE T\u00011 f:1 2\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(canonical.parse(bytes, 0, bytes.length, new EventLine())).as(line).isEqualTo(-1);
        }
    }

    @Test
    void acceptsOnlyWhatTheGeneralParserReadsTheSameWay() {
        Random random = new Random(11);
        byte[] alphabet = "@ALOCTEDRPG: 0123456789\t\r\n#xT.%\u0001".getBytes(StandardCharsets.ISO_8859_1);
        int accepted = 0;
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = (AGENT_LINES.get(random.nextInt(AGENT_LINES.size())) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            for (int edits = random.nextInt(3); edits >= 0; edits--) {
                bytes[random.nextInt(bytes.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            int limit = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
            if (assertSameAsGeneralParser(bytes, 0, limit)) {
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThan(10_000);
    }

    /** Whether the fast path took the line; if it did, the general parser must agree on every field. */
    private boolean assertSameAsGeneralParser(byte[] bytes, int start, int limit) {
        EventLine fast = new EventLine();
        int newline = canonical.parse(bytes, start, limit, fast);
        if (newline < 0) {
            return false;
        }
        String line = new String(bytes, start, limit - start, StandardCharsets.ISO_8859_1);
        assertThat(newline).as(line).isLessThan(limit);
        assertThat(bytes[newline]).as(line).isEqualTo((byte) '\n');
        for (int i = start; i < newline; i++) {
            assertThat(bytes[i]).as(line).isNotEqualTo((byte) '\n');
        }
        EventLine general = new EventLine();
        byte kind = fast.kind;
        assertThat(new EventLineParser().parse(bytes, start, newline, general)).as(line).isEqualTo(kind);
        assertThat(general.token).as(line).isEqualTo(kind);
        assertThat(fast.typeStart).as(line).isEqualTo(general.typeStart);
        assertThat(fast.typeEnd).as(line).isEqualTo(general.typeEnd);
        assertThat(fast.size).as(line).isEqualTo(general.size);
        assertThat(fast.id).as(line).isEqualTo(general.id);
        if (kind == LineKind.ALLOCATE) {
            assertThat(fast.siteStart).as(line).isEqualTo(general.siteStart);
            assertThat(fast.siteEnd).as(line).isEqualTo(general.siteEnd);
        }
        return true;
    }

    @Test
    void findsTheEndOfAWordAtEveryOffsetOfTheEightByteWords() {
        for (int length = 0; length < 40; length++) {
            for (int at = -1; at < length; at++) {
                for (byte end : new byte[] {' ', '\t', '\n', 0, 0x20}) {
                    byte[] bytes = new byte[length + 2];
                    java.util.Arrays.fill(bytes, (byte) 'x');
                    bytes[0] = ' '; // before the range: must be ignored
                    if (length > 1) {
                        bytes[2] = (byte) 0xA1; // high bytes (UTF-8) are part of a word
                    }
                    bytes[length + 1] = ' '; // at the limit: must be ignored
                    if (at >= 0) {
                        bytes[1 + at] = end;
                    }
                    assertThat(CanonicalLineParser.endOfWord(bytes, 1, length + 1))
                            .isEqualTo(at < 0 ? length + 1 : 1 + at);
                }
            }
        }
    }

    @Test
    void hashesAWordInThePassThatFindsItsEndAsTheInternerHashesIt() {
        Random random = new Random(11);
        for (int length = 0; length < 40; length++) {
            for (int offset = 0; offset < 9; offset++) {
                for (int room : new int[] {0, 1, 7, 8, 30}) { // bytes after the word before the limit
                    byte[] bytes = new byte[offset + length + room + 1];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (0x21 + random.nextInt(0x100 - 0x21)); // word bytes, UTF-8 ones too
                    }
                    bytes[offset + length] = (byte) (room == 0 ? 'x' : " \n\t".charAt(random.nextInt(3)));
                    int limit = offset + length + (room == 0 ? 0 : room);
                    int end = canonical.endOfHashedWord(bytes, offset, limit);
                    assertThat(end).isEqualTo(CanonicalLineParser.endOfWord(bytes, offset, limit))
                            .isEqualTo(offset + length);
                    assertThat(canonical.wordHash()).isEqualTo(ByteInterner.hash(bytes, offset, end));
                    // the same bytes elsewhere hash the same
                    byte[] copy = new byte[length + 3];
                    System.arraycopy(bytes, offset, copy, 3, length);
                    assertThat(ByteInterner.hash(copy, 3, 3 + length)).isEqualTo(ByteInterner.hash(bytes, offset, end));
                }
            }
        }
    }

    @Test
    void givesTheSiteTheInternersHash() {
        for (int length = 1; length < 60; length++) {
            String site = "d/".repeat(length / 2) + "f".repeat(length % 2) + ":" + length;
            byte[] line = ("@ALLOCATE T 1 " + site + " 1\n").getBytes(StandardCharsets.US_ASCII);
            EventLine event = new EventLine();
            assertThat(canonical.parse(line, 0, line.length, event)).as(site).isEqualTo(line.length - 1);
            assertThat(canonical.wordHash()).as(site).isEqualTo(ByteInterner.hash(line, event.siteStart, event.siteEnd));
        }
    }

    @Test
    void readsNumbersOfEveryLengthAtEveryPlace() {
        Random random = new Random(5);
        for (int round = 0; round < 100_000; round++) {
            StringBuilder text = new StringBuilder();
            int digits = random.nextInt(21);
            for (int i = 0; i < digits; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(256) : ' '));
            text.append("x".repeat(random.nextInt(10)));
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            int limit = random.nextInt(3) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
            int end = 0;
            while (end < limit && bytes[end] >= '0' && bytes[end] <= '9') {
                end++;
            }
            boolean valid = end > 0 && end <= 18 && end < limit;
            CanonicalLineParser parser = new CanonicalLineParser();
            int found = parser.endOfNumber(bytes, 0, limit);
            assertThat(found).as(text.toString()).isEqualTo(valid ? end : -1);
            if (valid) {
                assertThat(parser.number()).as(text.toString()).isEqualTo(Long.parseLong(text.substring(0, end)));
            }
        }
    }
}

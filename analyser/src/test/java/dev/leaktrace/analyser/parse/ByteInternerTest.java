package dev.leaktrace.analyser.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteInternerTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void equalAgreesWithArraysEqualsForEveryLengthAndEveryDifferingByte() {
        Random random = new Random(7);
        for (int length = 0; length <= 40; length++) {
            byte[] key = new byte[length];
            random.nextBytes(key);
            byte[] line = new byte[length + 9];
            random.nextBytes(line);
            System.arraycopy(key, 0, line, 5, length);
            assertThat(ByteInterner.equal(key, line, 5, 5 + length)).as("length %d", length).isTrue();
            assertThat(ByteInterner.equal(key, line, 5, 5 + length + 1)).isFalse();
            if (length > 0) {
                assertThat(ByteInterner.equal(key, line, 5, 5 + length - 1)).isFalse();
            }
            for (int at = 0; at < length; at++) {
                line[5 + at] ^= 0x20;
                assertThat(ByteInterner.equal(key, line, 5, 5 + length))
                        .as("length %d, byte %d differs", length, at)
                        .isEqualTo(Arrays.equals(key, 0, length, line, 5, 5 + length))
                        .isFalse();
                line[5 + at] ^= 0x20;
            }
        }
    }

    @Test
    void internGivesOneIndexPerDistinctNameAndMatchesOnlyItsOwnBytes() {
        ByteInterner interner = new ByteInterner();
        byte[] line = ascii(" com.acme.db.PooledConnection com.acme.db.PooledConnectionX com.acme.db.PooledConnection");
        int first = interner.intern(line, 1, 29);
        int longer = interner.intern(line, 30, 59);
        int again = interner.intern(line, 60, 88);
        assertThat(first).isNotEqualTo(longer);
        assertThat(again).isEqualTo(first);
        assertThat(interner.name(first)).isEqualTo("com.acme.db.PooledConnection");
        assertThat(interner.matches(first, line, 60, 88)).isTrue();
        assertThat(interner.matches(first, line, 30, 59)).isFalse();
        assertThat(interner.size()).isEqualTo(2);
    }
}

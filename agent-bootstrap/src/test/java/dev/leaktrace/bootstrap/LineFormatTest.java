package dev.leaktrace.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineFormatTest {
    private static String number(long value) {
        byte[] buf = new byte[32];
        int end = LineFormat.putLong(buf, 3, value);
        return new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
    }

    @Test
    void numbersPrintAsJavaPrintsThemAtEveryLengthAndBoundary() {
        long power = 1;
        for (int digits = 1; digits <= 19; digits++) {
            for (long v : new long[] {power - 1, power, power + 1, power * 9, power * 9 + power - 1}) {
                if (v >= 0) {
                    assertThat(number(v)).as("%d", v).isEqualTo(Long.toString(v));
                }
            }
            power = digits < 19 ? power * 10 : power;
        }
        for (long v : new long[] {0, 9, 10, 99, 100, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE}) {
            assertThat(number(v)).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void randomNumbersPrintAsJavaPrintsThem() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long v = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            assertThat(number(v)).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void aNegativeNumberPrintsAsZero() {
        assertThat(number(-5)).isEqualTo("0");
        assertThat(number(Long.MIN_VALUE)).isEqualTo("0");
    }

    @Test
    void digitsCountsEveryLength() {
        for (long v = 0, digits = 1; digits <= 19; digits++) {
            assertThat(LineFormat.digits(v)).as("%d", v).isEqualTo(Long.toString(v).length());
            v = v == 0 ? 10 : v * 10;
        }
        assertThat(LineFormat.digits(Long.MAX_VALUE)).isEqualTo(19);
    }

    @Test
    void linesHaveTheSeedsFormat() {
        byte[] buf = new byte[256];
        byte[] type = LineFormat.typeToken("com.example.Srs");
        byte[] site = LineFormat.typeToken("com/example/Main.java:42");
        int end = LineFormat.allocate(buf, 0, type, 209715200, site, 1);
        end = LineFormat.release(buf, end, LineFormat.DROP, type, 209715200, 1);
        assertThat(new String(buf, 0, end, StandardCharsets.US_ASCII)).isEqualTo(
                "@ALLOCATE com.example.Srs 209715200 com/example/Main.java:42 1\n"
                        + "@DROP com.example.Srs 209715200 1\n");
    }

    @Test
    void anIdTextAdvancedInPlacePrintsEveryIdAsJavaDoes() {
        ThreadState text = new ThreadState();
        byte[] buf = new byte[32];
        for (long start : new long[] {1, 8, 95, 990, 99_999_990L, 999_999_999_999_999_990L}) {
            for (long id = start; id < start + 20; id++) {
                text.setId(id);
                assertThat(new String(buf, 0, text.copyIdTo(buf, 0), StandardCharsets.US_ASCII)).isEqualTo(Long.toString(id));
            }
        }
        text.setId(12_345);
        text.setId(7);
        assertThat(new String(buf, 0, text.copyIdTo(buf, 0), StandardCharsets.US_ASCII)).as("a jump back").isEqualTo("7");
    }

    @Test
    void linesFromCachedPrefixesEqualLinesPrintedInFull() {
        TypeInfo type = new TypeInfo("com.example.Srs", o -> 0, o -> 0, "0", false, 0);
        byte[] site = LineFormat.typeToken("com/example/Main.java:42");
        ThreadState id = new ThreadState();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            // A few sizes (cached), then many (printed in full once the type's sizes vary).
            long size = i < 500 ? random.nextInt(3) * 1000L : random.nextLong(1L << 40);
            long objectId = 1 + random.nextLong(1L << 40);
            byte[] fast = new byte[256];
            byte[] full = new byte[256];
            id.setId(objectId);
            int fastEnd = LineFormat.allocate(fast, 0, type, size, site, id);
            byte[] keyword = i % 2 == 0 ? LineFormat.DROP : LineFormat.GC;
            fastEnd = LineFormat.release(fast, fastEnd, keyword, type, size, id);
            int fullEnd = LineFormat.allocate(full, 0, type.nameBytes, size, site, objectId);
            fullEnd = LineFormat.release(full, fullEnd, keyword, type.nameBytes, size, objectId);
            assertThat(new String(fast, 0, fastEnd, StandardCharsets.US_ASCII))
                    .isEqualTo(new String(full, 0, fullEnd, StandardCharsets.US_ASCII));
        }
        assertThat(type.prefixesFor(123_456_789L)).as("sizes vary: no more prefixes kept").isNull();
    }

    @Test
    void namesThatCouldBreakALineArePercentEncoded() {
        assertThat(new String(LineFormat.typeToken("a b\n@ALLOCATE%"), StandardCharsets.US_ASCII))
                .isEqualTo("a%20b%0A%40ALLOCATE%25");
    }
}

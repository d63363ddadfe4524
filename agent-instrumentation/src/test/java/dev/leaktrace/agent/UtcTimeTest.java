package dev.leaktrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimeTest {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeJavaTime() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // 1970 to about 2500, every day of every month, leap years and centuries included
            long millis = random.nextLong(16_725_225_600_000L);
            assertThat(UtcTime.format(millis)).isEqualTo(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void edgesOfDaysAndYears() {
        assertThat(UtcTime.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(UtcTime.format(951_782_399_999L)).isEqualTo("2000-02-28T23:59:59.999Z");
        assertThat(UtcTime.format(951_868_800_000L)).isEqualTo("2000-03-01T00:00:00.000Z");
        assertThat(UtcTime.format(4_107_542_400_000L)).isEqualTo("2100-03-01T00:00:00.000Z");
        assertThat(UtcTime.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    @Test
    void nowIsNow() {
        long before = System.currentTimeMillis();
        String now = UtcTime.now();
        long after = System.currentTimeMillis();
        long parsed = Instant.parse(now).toEpochMilli();
        assertThat(parsed).isBetween(before, after);
    }
}

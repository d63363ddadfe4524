package dev.leaktrace.analyser.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteUnitsTest {

    /** What String.format prints, which ByteUnits must match. */
    private static String formatted(long bytes) {
        if (bytes < 0) {
            return "-" + formatted(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Test
    void printsWhatTheFormatterPrints() {
        assertThat(ByteUnits.human(209715200)).isEqualTo("200.0 MiB");
        assertThat(ByteUnits.human(1023)).isEqualTo("1023 B");
        assertThat(ByteUnits.human(1024)).isEqualTo("1.0 KiB");
        assertThat(ByteUnits.human(-1536)).isEqualTo("-1.5 KiB");
        Random random = new Random(3);
        for (int i = 0; i < 300_000; i++) {
            long bytes = switch (i % 4) {
                case 0 -> random.nextInt(1 << 20);
                case 1 -> random.nextLong() >>> (1 + random.nextInt(63));
                // next to a rounding boundary n.n5 of some unit
                case 2 -> Math.round((random.nextInt(10240) + 0.05) * (1L << (10 * (1 + random.nextInt(3)))))
                        + random.nextInt(5) - 2;
                default -> (1L << (10 * (1 + random.nextInt(5)))) * (1 + random.nextInt(1024)) - random.nextInt(3);
            };
            assertThat(ByteUnits.human(bytes)).as("%d", bytes).isEqualTo(formatted(bytes));
        }
        for (long bytes : new long[] {Long.MAX_VALUE, (1L << 40) - 1, 1L << 40, (1L << 30) - 1, 1048575, 1047961,
            1048063}) {
            assertThat(ByteUnits.human(bytes)).as("%d", bytes).isEqualTo(formatted(bytes));
        }
    }
}

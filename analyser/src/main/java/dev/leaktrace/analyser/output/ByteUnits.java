package dev.leaktrace.analyser.output;

import java.util.Locale;

/** Byte counts for people: binary units, one decimal. */
public final class ByteUnits {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteUnits() {
    }

    public static String human(long bytes) {
        if (bytes < 0) {
            return "-" + human(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit <= 3) {
            return tenths(bytes, 10 * unit) + " " + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /**
     * {@code bytes / 2^shift} to one decimal, rounded half up: what {@code String.format("%.1f")}
     * prints for it, without the formatter, which is slow for a table of a few hundred rows
     * (docs/performance.md). The formatter rounds the double's shortest decimal digits, not its exact value;
     * the two can only round differently when the value lies within an ulp (below 1e-13 here) of a
     * rounding boundary {@code n.n5}, and a value {@code bytes / 2^30} or coarser is either on one
     * or at least {@code 1 / (20 * 2^30)} away. Larger units go to the formatter.
     */
    private static String tenths(long bytes, int shift) {
        long tenths = (bytes * 10 + (1L << (shift - 1))) >>> shift;
        return (tenths / 10) + "." + (tenths % 10);
    }
}

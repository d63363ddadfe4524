package dev.leaktrace.agent.config;

/** Durations as a config writes them: a whole number and a unit, {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
final class DurationValue {
    private DurationValue() {
    }

    /** The duration in milliseconds, or -1 when the text is not one. */
    static long millis(String text) {
        String[] units = {"ms", "s", "m", "h"};
        long[] factors = {1, 1000, 60_000, 3_600_000};
        for (int i = 0; i < units.length; i++) {
            String unit = units[i];
            if (text.endsWith(unit) && text.length() > unit.length()) {
                String number = text.substring(0, text.length() - unit.length());
                try {
                    long value = Long.parseLong(number);
                    return value < 0 || value > Long.MAX_VALUE / factors[i] ? -1 : value * factors[i];
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}

package dev.leaktrace.analyser.parse;

/**
 * The fields of the agent's header line ({@code # leaktrace <version> pid=... host=... log=...}):
 * which JVM wrote a log, and whether it is a survivors log.
 *
 * @param host null when the header does not name one (logs of older versions)
 * @param pid 0 when not named
 */
public record LogHeader(String host, long pid, boolean survivors, long survivorAgeMillis) {
    public static LogHeader parse(String line) {
        String host = null;
        long pid = 0;
        boolean survivors = false;
        long age = 0;
        for (String word : line.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = word.substring(0, eq);
            String value = word.substring(eq + 1);
            switch (key) {
                case "host" -> host = value;
                case "pid" -> pid = number(value);
                case "log" -> survivors = value.equals("survivors");
                case "survivorAge" -> age = number(value.endsWith("ms") ? value.substring(0, value.length() - 2) : value);
                default -> {
                    // version, start time, java, config: not needed to pair
                }
            }
        }
        return new LogHeader(host, pid, survivors, age);
    }

    private static long number(String text) {
        long value = EventLineParser.parseLong(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, text.length());
        return Math.max(0, value);
    }
}

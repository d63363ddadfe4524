package dev.leaktrace.agent.config;

/**
 * What the log holds and who else reads the counts: {@code log:} and {@code survivorAge:}, and
 * the {@code metrics:} address (null when off).
 */
public final class LogSettings {
    public enum Mode { ALL, SURVIVORS }

    /** Ten seconds: longer than a request or a transaction, shorter than a leak's growth. */
    public static final long DEFAULT_SURVIVOR_AGE_MILLIS = 10_000;
    public static final LogSettings DEFAULT = new LogSettings(Mode.ALL, DEFAULT_SURVIVOR_AGE_MILLIS, null);

    private final Mode mode;
    private final long survivorAgeMillis;
    private final MetricsAddress metrics;

    public LogSettings(Mode mode, long survivorAgeMillis, MetricsAddress metrics) {
        this.mode = mode;
        this.survivorAgeMillis = survivorAgeMillis;
        this.metrics = metrics;
    }

    public Mode mode() {
        return mode;
    }

    public long survivorAgeMillis() {
        return survivorAgeMillis;
    }

    /** Null when no metrics are served. */
    public MetricsAddress metrics() {
        return metrics;
    }

    public LogSettings withMetrics(MetricsAddress address) {
        return new LogSettings(mode, survivorAgeMillis, address);
    }
}

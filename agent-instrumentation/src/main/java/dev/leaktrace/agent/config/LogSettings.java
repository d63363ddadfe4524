package dev.leaktrace.agent.config;

/**
 * What the log holds and who else reads the objects: {@code log:} and {@code survivorAge:}, the
 * {@code metrics:} address (null when off) and the {@code jfr:} events.
 */
public final class LogSettings {
    public enum Mode { ALL, SURVIVORS }

    /** {@code jfr:}: no events, the periodic live objects, or those and an event per object. */
    public enum Jfr { OFF, LIVE, OBJECTS }

    /** Ten seconds: longer than a request or a transaction, shorter than a leak's growth. */
    public static final long DEFAULT_SURVIVOR_AGE_MILLIS = 10_000;
    public static final LogSettings DEFAULT = new LogSettings(Mode.ALL, DEFAULT_SURVIVOR_AGE_MILLIS, null, Jfr.OFF);

    private final Mode mode;
    private final long survivorAgeMillis;
    private final MetricsAddress metrics;
    private final Jfr jfr;

    public LogSettings(Mode mode, long survivorAgeMillis, MetricsAddress metrics, Jfr jfr) {
        this.mode = mode;
        this.survivorAgeMillis = survivorAgeMillis;
        this.metrics = metrics;
        this.jfr = jfr;
    }

    public Jfr jfr() {
        return jfr;
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
        return new LogSettings(mode, survivorAgeMillis, address, jfr);
    }
}

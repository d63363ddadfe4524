package dev.leaktrace.bootstrap;

/**
 * What a recording writes and counts: {@code log: all} writes every object's lines;
 * {@code log: survivors} writes only those of objects that live past {@code survivorAge}, plus
 * counts per type and site. Counting also runs when something reads the counts live (metrics, JFR).
 */
public final class RecordingOptions {
    public static final RecordingOptions ALL = new RecordingOptions(false, 0, false);

    final boolean survivors;
    final long survivorAgeMillis;
    final boolean counting;
    /** Keep the entries of dropped objects until they are collected ({@code paths: N}: released but still reachable). */
    final boolean keepReleased;

    /**
     * @param survivors         whether only objects older than {@code survivorAgeMillis} get lines
     * @param survivorAgeMillis the age at which an object's @ALLOCATE is written (survivors only)
     * @param liveReaders       whether metrics or JFR read the counts while the program runs
     */
    public RecordingOptions(boolean survivors, long survivorAgeMillis, boolean liveReaders) {
        this(survivors, survivorAgeMillis, liveReaders, false);
    }

    /** @param keepReleased whether dropped objects are watched until collected, for heap dumps */
    public RecordingOptions(boolean survivors, long survivorAgeMillis, boolean liveReaders, boolean keepReleased) {
        this.survivors = survivors;
        this.survivorAgeMillis = survivorAgeMillis;
        this.counting = survivors || liveReaders;
        this.keepReleased = keepReleased;
    }
}

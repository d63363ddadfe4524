package dev.leaktrace.bootstrap;

import java.nio.charset.StandardCharsets;

/**
 * The counts of one type and site since recording started, summed over threads: what
 * {@code @COUNTS} lines, metrics and JFR events report. Objects still alive are what was
 * allocated and neither dropped nor collected.
 */
public final class SiteTotals {
    /** The type and site as printed (percent-encoded where a byte could break a line). */
    final byte[] typeToken;
    final byte[] siteToken;
    final long[] values;

    static final int ALLOCATED = 0;
    static final int ALLOCATED_BYTES = 1;
    static final int DROPPED = 2;
    static final int DROPPED_BYTES = 3;
    static final int COLLECTED = 4;
    static final int COLLECTED_BYTES = 5;
    static final int FIELDS = 6;

    SiteTotals(byte[] typeToken, byte[] siteToken, long[] values) {
        this.typeToken = typeToken;
        this.siteToken = siteToken;
        this.values = values;
    }

    public String type() {
        return new String(typeToken, StandardCharsets.UTF_8);
    }

    public String site() {
        return new String(siteToken, StandardCharsets.UTF_8);
    }

    public long allocated() {
        return values[ALLOCATED];
    }

    public long allocatedBytes() {
        return values[ALLOCATED_BYTES];
    }

    /** Dropped by a drop method, or collected where collection is the type's drop. */
    public long dropped() {
        return values[DROPPED];
    }

    public long droppedBytes() {
        return values[DROPPED_BYTES];
    }

    /** Collected by the GC without a drop. */
    public long collected() {
        return values[COLLECTED];
    }

    public long collectedBytes() {
        return values[COLLECTED_BYTES];
    }

    /** Never below 0: the threads' counts are read one after another while they run. */
    public long live() {
        return Math.max(0, allocated() - dropped() - collected());
    }

    public long liveBytes() {
        return Math.max(0, allocatedBytes() - droppedBytes() - collectedBytes());
    }
}

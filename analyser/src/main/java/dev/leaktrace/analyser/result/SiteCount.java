package dev.leaktrace.analyser.result;

/**
 * A type and site's counts from the @COUNTS lines of survivors logs, summed over the files: every
 * object, the short-lived ones that got no line included.
 *
 * @param dropped dropped, or collected where collection is the type's drop
 * @param collected collected by the GC without a drop
 */
public record SiteCount(String type, String site, long allocated, long allocatedBytes, long dropped,
                        long droppedBytes, long collected, long collectedBytes) {
    /** Allocated and neither dropped nor collected when the counts were last written. */
    public long live() {
        return Math.max(0, allocated - dropped - collected);
    }
}

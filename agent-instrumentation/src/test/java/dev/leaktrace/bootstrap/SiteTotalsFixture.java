package dev.leaktrace.bootstrap;

/** Builds {@link SiteTotals} rows for tests outside the bootstrap package. */
public final class SiteTotalsFixture {
    private SiteTotalsFixture() {
    }

    public static SiteTotals of(String type, String site, long allocated, long allocatedBytes, long dropped,
                                long droppedBytes, long collected, long collectedBytes) {
        return new SiteTotals(LineFormat.typeToken(type), LineFormat.typeToken(site),
                new long[] {allocated, allocatedBytes, dropped, droppedBytes, collected, collectedBytes});
    }
}

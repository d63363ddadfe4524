package dev.leaktrace.analyser.result;

/** A leaked count and its bytes. */
public record Amount(long count, long bytes) {
    public static final Amount NONE = new Amount(0, 0);

    public Amount plus(long count, long bytes) {
        return new Amount(this.count + count, Saturating.add(this.bytes, bytes));
    }
}

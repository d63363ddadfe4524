package dev.leaktrace.agent.size;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;

/** {@code size: 4096}: every object of the type is reported with the same number of bytes. */
public record ConstantSize(long bytes) implements SizeRule {

    public ConstantSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size is a number of bytes, 0 or more: " + bytes);
        }
    }

    /** An estimator that says 0 bytes. */
    public static final SizeEstimator ZERO = new Fixed(0);

    @Override
    public SizeEstimator bind(Class<?> type, Instrumentation instrumentation) {
        return new Fixed(bytes);
    }

    private static final class Fixed implements SizeEstimator {
        private final long bytes;

        Fixed(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public long estimate(Object object) {
            return bytes;
        }
    }

    @Override
    public String describe() {
        return Long.toString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConstantSize c && bytes == c.bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ConstantSize[bytes=" + bytes + "]";
    }
}

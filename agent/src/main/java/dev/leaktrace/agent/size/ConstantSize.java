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

    @Override
    public SizeEstimator bind(Class<?> type, Instrumentation instrumentation) {
        long size = bytes;
        return object -> size;
    }

    @Override
    public String describe() {
        return Long.toString(bytes);
    }
}

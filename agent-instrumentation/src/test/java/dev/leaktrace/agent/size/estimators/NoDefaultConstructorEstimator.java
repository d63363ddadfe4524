package dev.leaktrace.agent.size.estimators;

import dev.leaktrace.api.SizeEstimator;

/** Implements the interface but can only be built with an argument. */
public class NoDefaultConstructorEstimator implements SizeEstimator {
    private final long size;

    public NoDefaultConstructorEstimator(long size) {
        this.size = size;
    }

    @Override
    public long estimate(Object object) {
        return size;
    }
}

package dev.leaktrace.agent.size.estimators;

import dev.leaktrace.api.SizeEstimator;

/** Its constructor fails. */
public class ThrowingEstimator implements SizeEstimator {
    public ThrowingEstimator() {
        throw new IllegalStateException("no config for the estimator");
    }

    @Override
    public long estimate(Object object) {
        return 0;
    }
}

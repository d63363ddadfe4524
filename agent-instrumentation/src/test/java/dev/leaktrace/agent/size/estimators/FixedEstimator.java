package dev.leaktrace.agent.size.estimators;

import dev.leaktrace.api.SizeEstimator;

/** A well-formed custom estimator: reports 42 plus the length of a String. */
public class FixedEstimator implements SizeEstimator {
    @Override
    public long estimate(Object object) {
        return 42 + (object instanceof String s ? s.length() : 0);
    }
}

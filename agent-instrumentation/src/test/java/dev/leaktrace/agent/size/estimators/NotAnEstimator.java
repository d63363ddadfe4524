package dev.leaktrace.agent.size.estimators;

/** Has the right constructor but does not implement SizeEstimator. */
public class NotAnEstimator {
    public long estimate(Object object) {
        return 1;
    }
}

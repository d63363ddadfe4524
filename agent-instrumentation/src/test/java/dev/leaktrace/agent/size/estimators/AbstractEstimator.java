package dev.leaktrace.agent.size.estimators;

import dev.leaktrace.api.SizeEstimator;

/** Cannot be instantiated. */
public abstract class AbstractEstimator implements SizeEstimator {}

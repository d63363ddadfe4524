package dev.leaktrace.api;

/**
 * A custom size rule, named in the config as {@code size: class:com.example.MyEstimator}.
 *
 * <p>Implementations need a public no-argument constructor. One instance is created per traced
 * class and called once per traced object, right after its outermost constructor returned, on the
 * thread that created the object; it must be thread-safe and should be cheap. A thrown exception
 * never reaches the application: leaktrace warns once and falls back to the shallow size.
 *
 * <p>This interface is loaded by the bootstrap class loader when the agent runs, so estimators
 * compiled against leaktrace.jar see the same type the agent calls.
 */
@FunctionalInterface
public interface SizeEstimator {
    /** The size in bytes to report for {@code object}; negative values are reported as 0. */
    long estimate(Object object);
}

package leakfixtures;

/** Traced only as a subtype of {@link Pooled}. */
public final class PooledConnection extends Pooled {
}

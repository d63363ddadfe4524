package leakfixtures;

/** A base class that a config traces with {@code subtypes: true}; only its subclasses are created. */
public abstract class Pooled implements AutoCloseable {
    @Override
    public void close() {
    }
}

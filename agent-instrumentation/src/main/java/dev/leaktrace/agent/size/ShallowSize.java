package dev.leaktrace.agent.size;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;

/** {@code size: shallow} (the default): {@link Instrumentation#getObjectSize} of the object itself. */
public final class ShallowSize implements SizeRule {
    static final ShallowSize INSTANCE = new ShallowSize();

    private ShallowSize() {}

    @Override
    public SizeEstimator bind(Class<?> type, Instrumentation instrumentation) throws SizeRuleException {
        if (instrumentation == null) {
            throw new SizeRuleException("size 'shallow' of " + type.getName() + " needs the agent's Instrumentation");
        }
        if (type.isArray()) {
            // Arrays of one class differ in length, so each one is measured.
            return new EachObject(instrumentation);
        }
        return new PerClassSize(type, instrumentation);
    }

    @Override
    public String describe() {
        return "shallow";
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Measures every object (arrays). */
    private static final class EachObject implements SizeEstimator {
        private final Instrumentation instrumentation;

        EachObject(Instrumentation instrumentation) {
            this.instrumentation = instrumentation;
        }

        @Override
        public long estimate(Object object) {
            return instrumentation.getObjectSize(object);
        }
    }

    /**
     * The shallow size of a non-array class is the same for all its instances, so it is measured on
     * the first object and remembered. A racing first measurement is harmless: both threads store
     * the same value.
     */
    private static final class PerClassSize implements SizeEstimator {
        private static final long UNKNOWN = -1;

        private final Class<?> type;
        private final Instrumentation instrumentation;
        private volatile long size = UNKNOWN;

        PerClassSize(Class<?> type, Instrumentation instrumentation) {
            this.type = type;
            this.instrumentation = instrumentation;
        }

        @Override
        public long estimate(Object object) {
            if (object.getClass() != type) {
                // A subclass instance has its own size; do not let it poison the cache.
                return instrumentation.getObjectSize(object);
            }
            long known = size;
            if (known == UNKNOWN) {
                known = instrumentation.getObjectSize(object);
                size = known;
            }
            return known;
        }
    }
}

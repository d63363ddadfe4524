package dev.leaktrace.agent.size;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;

/**
 * {@code size: deep}: the object and everything reachable from it, each object counted once, never
 * crossing into classes, class loaders or threads, nor through weak/soft/phantom referents.
 * Measuring is bounded: past {@link #maxObjects} objects it returns what it counted so far.
 */
public final class DeepSize implements SizeRule {
    /** Bounds the work of one measurement, so a huge graph cannot stall the traced thread for long. */
    public static final int DEFAULT_MAX_OBJECTS = 100_000;

    static final DeepSize INSTANCE = new DeepSize(DEFAULT_MAX_OBJECTS);

    private final int maxObjects;

    DeepSize(int maxObjects) {
        if (maxObjects < 1) {
            throw new IllegalArgumentException("maxObjects must be at least 1: " + maxObjects);
        }
        this.maxObjects = maxObjects;
    }

    @Override
    public SizeEstimator bind(Class<?> type, Instrumentation instrumentation) throws SizeRuleException {
        if (instrumentation == null) {
            throw new SizeRuleException("size 'deep' of " + type.getName() + " needs the agent's Instrumentation");
        }
        return new DeepWalker(instrumentation, ReferenceFields.of(instrumentation), maxObjects);
    }

    @Override
    public String describe() {
        return "deep";
    }

    @Override
    public String toString() {
        return describe();
    }
}

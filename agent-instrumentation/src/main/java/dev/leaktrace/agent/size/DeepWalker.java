package dev.leaktrace.agent.size;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/** The estimator of {@link DeepSize}: a bounded, identity-based walk of the object graph. */
final class DeepWalker implements SizeEstimator {
    private final Instrumentation instrumentation;
    private final ReferenceFields referenceFields;
    private final int maxObjects;

    DeepWalker(Instrumentation instrumentation, ReferenceFields referenceFields, int maxObjects) {
        this.instrumentation = instrumentation;
        this.referenceFields = referenceFields;
        this.maxObjects = maxObjects;
    }

    @Override
    public long estimate(Object root) {
        Walk walk = new Walk();
        walk.offerRoot(root);
        long total = 0;
        Object next;
        while ((next = walk.pending.poll()) != null) {
            total += instrumentation.getObjectSize(next);
            followReferences(next, walk);
        }
        return total;
    }

    private void followReferences(Object object, Walk walk) {
        Class<?> type = object.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                Object[] elements = (Object[]) object;
                for (int i = 0; i < elements.length && !walk.isFull(); i++) {
                    walk.offer(elements[i]);
                }
            }
            return;
        }
        for (MethodHandle getter : referenceFields.of(type)) {
            if (walk.isFull()) {
                return;
            }
            walk.offer(read(getter, object));
        }
    }

    private static Object read(MethodHandle getter, Object object) {
        try {
            return (Object) getter.invokeExact(object);
        } catch (Throwable t) {
            throw new SizeEvaluationException("size 'deep' could not read a field of " + object.getClass().getName(), t);
        }
    }

    /** Whether the walk stops at {@code value}: it belongs to the runtime, not to the measured object. */
    private static boolean isBoundary(Object value) {
        return value instanceof Class<?> || value instanceof ClassLoader || value instanceof Thread;
    }

    /** The state of one measurement; {@code seen} holds every object queued, so it bounds the work. */
    private final class Walk {
        final Map<Object, Boolean> seen = new IdentityHashMap<>();
        final ArrayDeque<Object> pending = new ArrayDeque<>();

        boolean isFull() {
            return seen.size() >= maxObjects;
        }

        /** The root is always measured, even when it is itself a thread or a class loader. */
        void offerRoot(Object root) {
            seen.put(root, Boolean.TRUE);
            pending.add(root);
        }

        void offer(Object value) {
            if (value != null && !isFull() && !isBoundary(value) && seen.put(value, Boolean.TRUE) == null) {
                pending.add(value);
            }
        }
    }
}

package dev.leaktrace.bench.peers;

import com.google.monitoring.runtime.instrumentation.AllocationRecorder;
import dev.leaktrace.bench.tracked.TrackedResource;
import java.util.concurrent.atomic.LongAdder;

/**
 * The java-allocation-instrumenter peer: a {@code Sampler} that counts the allocations of
 * {@link TrackedResource} (the instrumenter calls every sampler for every allocation of every
 * instrumented class; the filter is the sampler's job). Loaded only when the instrumenter is the
 * -javaagent, which puts {@code AllocationRecorder} on the boot class path.
 */
public final class AllocationSamplerHook {
    private static final LongAdder SEEN = new LongAdder();

    private AllocationSamplerHook() {
    }

    public static void install() {
        AllocationRecorder.addSampler((count, desc, newObj, size) -> {
            if (newObj.getClass() == TrackedResource.class) {
                SEEN.increment();
            }
        });
    }

    public static long seen() {
        return SEEN.sum();
    }
}

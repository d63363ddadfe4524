package dev.leaktrace.bench.everything;

import com.google.monitoring.runtime.instrumentation.AllocationRecorder;
import com.google.monitoring.runtime.instrumentation.Sampler;
import java.util.concurrent.atomic.LongAdder;

/**
 * allocation-instrumenter's callback as a site-reporting tool needs it: for every allocation, the
 * frame that allocated (a StackWalker past the instrumenter's own frames), kept so the JIT cannot
 * drop the walk. Loaded only when the instrumenter is the -javaagent.
 */
final class StackWalkerSampler implements Sampler {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final LongAdder SEEN = new LongAdder();
    private static volatile Object lastSite;

    static void install() {
        AllocationRecorder.addSampler(new StackWalkerSampler());
    }

    static long seen() {
        return SEEN.sum();
    }

    @Override
    public void sampleAllocation(int count, String desc, Object newObj, long size) {
        lastSite = WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("com.google.monitoring."))
                .skip(1).findFirst().orElse(null));
        SEEN.increment();
    }
}

package dev.leaktrace.bench;

import dev.leaktrace.bench.library.ResourceFactory;
import dev.leaktrace.bench.peers.AllocationSamplerHook;
import dev.leaktrace.bench.peers.PlainWorkLog;
import dev.leaktrace.bench.peers.PlainWorkResource;
import dev.leaktrace.bench.peers.ThrowableTrackedResource;
import dev.leaktrace.bench.tracked.TrackedResource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 2: construct + close of a configured class, {@code depth} frames below the benchmark
 * method. {@link #tracked} is the object the agent (or JFR, async-profiler, the allocation
 * instrumenter) sees; {@link #throwableCapture} is the same object shape traced the classic way,
 * by a {@code new Throwable()} per object, with no agent. Threads are set by {@link RunAll}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrackedBench {
    @Param({"10", "100"})
    public int depth;

    private int handle;

    /** Per-run hooks of the peers, switched on by system properties that {@link RunAll} passes. */
    @State(Scope.Benchmark)
    public static class Env {
        @Setup(Level.Trial)
        public void setUp() {
            if (Boolean.getBoolean("bench.allocationSampler")) {
                AllocationSamplerHook.install();
            }
        }

        /**
         * Keeps the trace file from filling the disk (a fork writes GBs): cut it to zero after each
         * iteration. The agent keeps writing at its offset, the cut part stays a hole.
         */
        @TearDown(Level.Iteration)
        public void truncateTrace() throws IOException {
            String file = System.getProperty("bench.truncate");
            if (file != null) {
                try (FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                }
            }
        }
    }

    @Benchmark
    public TrackedResource tracked(Env env) {
        return trackedAt(depth, handle++);
    }

    /** The same object made by a library's factory: its site is this class's call of the factory. */
    @Benchmark
    public TrackedResource trackedByFactory(Env env) {
        return factoryAt(depth, handle++);
    }

    @Benchmark
    public ThrowableTrackedResource throwableCapture(Env env) {
        return throwableAt(depth, handle++);
    }

    /** The depth control: work of about the agent's size per object, by plain code, no agent. */
    @Benchmark
    public PlainWorkResource plainWork(Env env) {
        return plainAt(depth, handle++);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static TrackedResource trackedAt(int depth, int handle) {
        if (depth <= 1) {
            TrackedResource r = new TrackedResource(handle);
            r.use(handle);
            r.close();
            return r;
        }
        return trackedAt(depth - 1, handle);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static TrackedResource factoryAt(int depth, int handle) {
        if (depth <= 1) {
            TrackedResource r = ResourceFactory.open(handle);
            r.use(handle);
            r.close();
            return r;
        }
        return factoryAt(depth - 1, handle);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static ThrowableTrackedResource throwableAt(int depth, int handle) {
        if (depth <= 1) {
            ThrowableTrackedResource r = new ThrowableTrackedResource(handle);
            r.use(handle);
            r.close();
            return r;
        }
        return throwableAt(depth - 1, handle);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static PlainWorkResource plainAt(int depth, int handle) {
        if (depth <= 1) {
            PlainWorkLog.announce(0);
            PlainWorkResource r = new PlainWorkResource(handle);
            r.use(handle);
            r.close();
            return r;
        }
        return plainAt(depth - 1, handle);
    }
}

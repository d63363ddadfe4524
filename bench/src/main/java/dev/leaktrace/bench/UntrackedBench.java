package dev.leaktrace.bench;

import dev.leaktrace.bench.untracked.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Workload 1: code whose classes are not configured; run with the agent loaded and without. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UntrackedBench {
    private int seed;

    @Benchmark
    public long untracked() {
        return Workload.run(seed++);
    }
}

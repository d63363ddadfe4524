package dev.leaktrace.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Where the CPU of an iteration went, in cores busy on average: the benchmark's threads, the
 * agent's writer thread and the whole JVM. It runs in the forked JVM, so that the report derives
 * from the same run how far two traced threads can scale on 2 cores (docs/performance.md).
 */
public final class ThreadCpuProfiler implements InternalProfiler {
    static final String WORKERS = "·cpu.workers";
    static final String WRITER = "·cpu.writer";
    static final String PROCESS = "·cpu.process";
    /** The columns of {@code jmh.tsv} that carry {@link #WORKERS}, {@link #WRITER} and {@link #PROCESS}, in order. */
    public static final List<String> COLUMNS = List.of("cpuWorkers", "cpuWriter", "cpuProcess");
    private static final String WRITER_THREAD = "leaktrace-writer";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> before = Map.of();
    private long processBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "CPU of the benchmark threads, the leaktrace writer and the JVM, in cores";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = cpuByThread();
        processBefore = processCpu();
        wallBefore = System.nanoTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        double wall = System.nanoTime() - wallBefore;
        long process = processCpu() - processBefore;
        long workers = 0;
        long writer = 0;
        for (Map.Entry<Long, Long> thread : cpuByThread().entrySet()) {
            ThreadInfo info = threads.getThreadInfo(thread.getKey());
            if (info == null) {
                continue; // ended meanwhile
            }
            // A thread born in the iteration started at 0.
            long used = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            if (info.getThreadName().contains("-jmh-worker-")) {
                workers += used;
            } else if (info.getThreadName().equals(WRITER_THREAD)) {
                writer += used;
            }
        }
        return List.of(
                new ScalarResult(WORKERS, workers / wall, "cores", AggregationPolicy.AVG),
                new ScalarResult(WRITER, writer / wall, "cores", AggregationPolicy.AVG),
                new ScalarResult(PROCESS, process / wall, "cores", AggregationPolicy.AVG));
    }

    private Map<Long, Long> cpuByThread() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}

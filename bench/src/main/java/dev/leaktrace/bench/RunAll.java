package dev.leaktrace.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH workloads 1 and 2 with every peer in one session and writes one TSV row per
 * result ({@code jmh.tsv} in the output directory) for {@link Report}. Paths are passed as given
 * (scripts/bench.sh passes them relative to the repository), so they can be printed as commands.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar --agent agent/target/leaktrace.jar --out DIR
 *      [--asprof libasyncProfiler.so] [--instrumenter java-allocation-instrumenter.jar]
 *      [--quick] [--only REGEX-on-peer-names]
 * </pre>
 */
public final class RunAll {
    record Peer(String workload, String name, String benchmark, List<String> jvmArgs) {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        String agent = null;
        String out = "bench/target/results";
        String asprof = null;
        String instrumenter = null;
        String trackedConfig = "bench/configs/tracked.yaml";
        String only = ".*";
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agent = args[++i];
                case "--out" -> out = args[++i];
                case "--asprof" -> asprof = args[++i];
                case "--instrumenter" -> instrumenter = args[++i];
                case "--config" -> trackedConfig = args[++i];
                case "--only" -> only = args[++i];
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (agent == null) {
            throw new IllegalArgumentException("--agent PATH is required");
        }
        Path outDir = Path.of(out);
        Files.createDirectories(outDir);
        String trace = out + "/trace-jmh.log";
        List<String> leaktrace = List.of("-javaagent:" + agent + "=config=" + trackedConfig + ",output=" + trace,
                "-Dbench.truncate=" + trace);

        List<Peer> peers = new ArrayList<>();
        peers.add(new Peer("untracked", "none", "UntrackedBench.untracked", List.of()));
        peers.add(new Peer("untracked", "leaktrace", "UntrackedBench.untracked", leaktrace));
        // The same as "none" again: how far two identical peers land apart in one run, the noise
        // floor against which the 1% target is read.
        peers.add(new Peer("untracked", "none-again", "UntrackedBench.untracked", List.of()));
        peers.add(new Peer("tracked", "none", "TrackedBench.tracked", List.of()));
        peers.add(new Peer("tracked", "leaktrace", "TrackedBench.tracked", leaktrace));
        // The agent's own cost and scaling without the file system's: lines are built, then discarded.
        peers.add(new Peer("tracked", "leaktrace-output-none", "TrackedBench.tracked",
                List.of("-javaagent:" + agent + "=config=" + trackedConfig + ",output=none")));
        // The same file output on tmpfs: what a file costs the agent without the disk's bandwidth.
        Path tmpfs = Path.of("/dev/shm");
        Path tmpfsTrace = tmpfs.resolve("leaktrace-bench-trace.log");
        if (Files.isDirectory(tmpfs)) {
            peers.add(new Peer("tracked", "leaktrace-tmpfs-file", "TrackedBench.tracked",
                    List.of("-javaagent:" + agent + "=config=" + trackedConfig + ",output=" + tmpfsTrace,
                            "-Dbench.truncate=" + tmpfsTrace)));
        }
        // The object made by a library's factory: the site comes from the marked call into the library.
        peers.add(new Peer("tracked", "factory-none", "TrackedBench.trackedByFactory", List.of()));
        peers.add(new Peer("tracked", "leaktrace-factory", "TrackedBench.trackedByFactory", leaktrace));
        // log: survivors: short-lived objects get no line, only counts; with metrics: served too; and
        // metrics: beside today's log: all. Each writes its own file (cut after each iteration).
        for (String[] variant : new String[][] {{"leaktrace-survivors", "tracked-survivors.yaml"},
                {"leaktrace-survivors-metrics", "tracked-survivors-metrics.yaml"},
                {"leaktrace-metrics", "tracked-metrics.yaml"}}) {
            String variantTrace = out + "/trace-" + variant[0] + ".log";
            peers.add(new Peer("tracked", variant[0], "TrackedBench.tracked", List.of("-javaagent:" + agent + "=config="
                    + Path.of(trackedConfig).resolveSibling(variant[1]) + ",output=" + variantTrace,
                    "-Dbench.truncate=" + variantTrace)));
        }
        peers.add(new Peer("tracked", "throwable-capture", "TrackedBench.throwableCapture", List.of()));
        // No agent: plain code doing about the agent's work per object, for the depth figure.
        peers.add(new Peer("tracked", "plain-work-control", "TrackedBench.plainWork", List.of()));
        peers.add(new Peer("tracked", "jfr-profile", "TrackedBench.tracked",
                List.of("-XX:StartFlightRecording=settings=profile,filename=" + out + "/peer-jfr.jfr")));
        if (asprof != null) {
            peers.add(new Peer("tracked", "async-profiler-alloc", "TrackedBench.tracked",
                    List.of("-agentpath:" + asprof + "=start,event=alloc,collapsed,file=" + out + "/peer-asprof.txt")));
        }
        if (instrumenter != null) {
            peers.add(new Peer("tracked", "allocation-instrumenter", "TrackedBench.tracked",
                    List.of("-javaagent:" + instrumenter, "-Dbench.allocationSampler=true")));
        }

        Path tsv = outDir.resolve("jmh.tsv");
        List<Peer> selected = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.name.matches(only) || (peer.workload + "/" + peer.name).matches(only)) {
                selected.add(peer);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tsv))) {
            w.println("workload\tpeer\tbenchmark\tdepth\tthreads\tscore\terror\tunit\tmedian\titerations\tjvmArgs\t"
                    + String.join("\t", ThreadCpuProfiler.COLUMNS));
            runUntracked(selected, quick, out, w);
            for (Peer peer : selected) {
                if (!peer.workload.equals("tracked")) {
                    continue;
                }
                for (int t : new int[] {1, 2}) {
                    if (t == 2 && peer.name.equals("plain-work-control")) {
                        continue; // a control for the depth figure, which is taken on one thread
                    }
                    ChainedOptionsBuilder opts = options(peer, t, out + "/jmh-" + peer.workload + "-" + peer.name + "-" + t + "t.log");
                    // Where the CPU went (benchmark threads, writer, JVM): why 2 threads scale or not.
                    opts.addProfiler(ThreadCpuProfiler.class);
                    if (quick) {
                        opts.forks(1).warmupIterations(1).measurementIterations(2);
                    } else {
                        // Two forks, so that one fork's JIT mode does not decide a target.
                        opts.forks(2).warmupIterations(3).measurementIterations(5);
                    }
                    System.out.printf("[jmh] %s / %s, %d thread(s)%n", peer.workload, peer.name, t);
                    for (RunResult r : new Runner(opts.build()).run()) {
                        List<Double> scores = scores(r);
                        write(w, peer, r.getParams().getParam("depth"), t, r.getPrimaryResult().getScore(),
                                r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit(), scores,
                                cpu(r.getAggregatedResult().getSecondaryResults()));
                    }
                    w.flush();
                }
            }
        }
        Files.deleteIfExists(Path.of(trace));
        Files.deleteIfExists(tmpfsTrace);
    }

    /**
     * Workload 1's target (1%) is far below this machine's drift over minutes, so its peers take
     * turns fork by fork ({@value #UNTRACKED_ROUNDS} rounds of one fork each) instead of running
     * one after the other: a slow minute then falls on both. Each peer's iterations are pooled.
     */
    private static void runUntracked(List<Peer> selected, boolean quick, String out, PrintWriter w)
            throws RunnerException {
        List<Peer> untracked = new ArrayList<>();
        for (Peer peer : selected) {
            if (peer.workload.equals("untracked")) {
                untracked.add(peer);
            }
        }
        if (untracked.isEmpty()) {
            return;
        }
        List<List<Double>> pooled = new ArrayList<>();
        untracked.forEach(p -> pooled.add(new ArrayList<>()));
        String unit = "?";
        int rounds = quick ? 1 : UNTRACKED_ROUNDS;
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < untracked.size(); i++) {
                Peer peer = untracked.get(i);
                ChainedOptionsBuilder opts = options(peer, 1,
                        out + "/jmh-" + peer.workload + "-" + peer.name + "-round" + round + ".log");
                opts.forks(1).warmupIterations(quick ? 1 : 3).measurementIterations(quick ? 2 : 5);
                System.out.printf("[jmh] %s / %s, round %d of %d%n", peer.workload, peer.name, round, rounds);
                for (RunResult r : new Runner(opts.build()).run()) {
                    pooled.get(i).addAll(scores(r));
                    unit = r.getPrimaryResult().getScoreUnit();
                }
            }
        }
        for (int i = 0; i < untracked.size(); i++) {
            List<Double> scores = pooled.get(i);
            double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double variance = scores.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / Math.max(1, scores.size() - 1);
            // 99.9% confidence half-width (normal approximation), as JMH prints its error.
            double error = 3.29 * Math.sqrt(variance / scores.size());
            write(w, untracked.get(i), null, 1, mean, error, unit, scores, "-\t-\t-");
        }
        w.flush();
    }

    private static final int UNTRACKED_ROUNDS = 8;

    private static ChainedOptionsBuilder options(Peer peer, int threads, String log) {
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include("dev\\.leaktrace\\.bench\\." + peer.benchmark.replace(".", "\\.") + "$")
                .threads(threads)
                .jvmArgs("-Xms1g", "-Xmx1g")
                .jvmArgsAppend(peer.jvmArgs.toArray(String[]::new))
                .output(log);
        opts.warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
        return opts;
    }

    private static List<Double> scores(RunResult r) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult br : r.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                scores.add(ir.getPrimaryResult().getScore());
            }
        }
        return scores;
    }

    private static void write(PrintWriter w, Peer peer, String depth, int threads, double score, double error,
                              String unit, List<Double> scores, String cpu) {
        w.printf("%s\t%s\t%s\t%s\t%d\t%.6g\t%.6g\t%s\t%.6g\t%s\t%s\t%s%n", peer.workload, peer.name,
                peer.benchmark, depth == null ? "-" : depth, threads, score, error, unit, median(scores),
                String.join(",", scores.stream().map(x -> String.format("%.5g", x)).toList()),
                String.join(" ", peer.jvmArgs), cpu);
        System.out.printf("[jmh]   depth=%s: median %.4g %s (score %.4g ± %.3g)%n", depth, median(scores), unit,
                score, error);
    }

    /** The {@link ThreadCpuProfiler} columns: cores used by the benchmark threads, the writer, the JVM. */
    private static String cpu(Map<String, Result> secondary) {
        StringBuilder cells = new StringBuilder();
        for (String label : new String[] {ThreadCpuProfiler.WORKERS, ThreadCpuProfiler.WRITER, ThreadCpuProfiler.PROCESS}) {
            Result result = secondary.get(label);
            cells.append(cells.length() == 0 ? "" : "\t")
                    .append(result == null ? "-" : String.format(Locale.ROOT, "%.4f", result.getScore()));
        }
        return cells.toString();
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

package dev.leaktrace.demo;

import dev.leaktrace.demo.prover.Prover;
import dev.leaktrace.demo.prover.Srs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * A leaky zero-knowledge prover in miniature: the JVM port of the Rust/WASM prover whose memory
 * leak leaktrace's {@code @ALLOCATE}/{@code @DROP} log format comes from.
 *
 * <p>It builds one structured reference string ({@link Srs}, 8 MB, the analogue of
 * {@code WasmFpSrs}), then makes a number of proofs. Each proof builds a
 * {@link dev.leaktrace.demo.prover.ProverIndex} (about 3 MB: permutation, selector columns and
 * {@link dev.leaktrace.demo.prover.LookupTable}s; the analogue of {@code WasmPastaFpPlonkIndex}),
 * fills a witness ({@link dev.leaktrace.demo.vec.FieldVectorVector}) and computes with temporary
 * {@link dev.leaktrace.demo.vec.FieldVector}s, which simply become garbage. By default the
 * {@link Prover} keeps every index in a cache keyed by the never-repeating proof id and never
 * closes it, so the heap grows by one index per proof; with {@code --fixed} each index is closed
 * after its proof and nothing is kept, so the heap stays flat. After every few proofs the demo
 * prints the heap in use after a {@code System.gc()} hint.
 *
 * <p>Run it from the project root, after {@code mvn -B -pl demo-app package}:
 * <pre>
 * java -jar demo-app/target/demo-app.jar [--fixed] [--proofs N]
 * </pre>
 * Both modes make the same proofs (the final digest is identical); only the memory differs.
 *
 * <p>To see which allocations are never dropped, run it under the leaktrace agent
 * ({@code -javaagent:agent/target/leaktrace.jar}, options in the root README) with
 * {@code demo-app/leaktrace.yaml}, which names the suspect types; the agent's log goes to
 * {@code demo-leaktrace.log} in the working directory, the demo's own report to stdout.
 */
public final class ProverDemo {
    /** Group elements in the SRS: 2^19 points of two field elements, 8 MB. */
    static final int SRS_SIZE = 1 << 19;
    /** Rows of each circuit: 2^15, so an index holds about 3 MB. */
    static final int DOMAIN_SIZE = 1 << 15;
    /** Proofs made by default: the leak adds about 100 MB, the run stays well under 5 s. */
    static final int DEFAULT_PROOFS = 30;
    /** Number of heap reports printed during the run (plus the final line). */
    private static final int REPORTS = 6;

    private static final String USAGE = "usage: java -jar demo-app.jar [--fixed] [--proofs N]";

    private ProverDemo() {
    }

    public static void main(String[] args) {
        boolean fixed = false;
        int proofs = DEFAULT_PROOFS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fixed":
                    fixed = true;
                    break;
                case "--proofs":
                    if (i + 1 == args.length) {
                        fail("--proofs needs a number");
                    }
                    proofs = parsePositive(args[++i]);
                    break;
                case "-h":
                case "--help":
                    System.out.println(USAGE);
                    return;
                default:
                    fail("unknown argument: " + args[i]);
            }
        }
        run(fixed, proofs);
    }

    private static void run(boolean fixed, int proofs) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        Srs srs = Srs.create(SRS_SIZE, 0x5EED_5EEDL);
        long baseline = heapUsed(memory);
        System.out.printf(Locale.ROOT, "%s mode, %d proofs; SRS of %d points (%s), domain of %d rows: heap used %s%n",
                fixed ? "fixed" : "leaky", proofs, srs.size(), mb(srs.byteSize()), DOMAIN_SIZE, mb(baseline));

        Prover prover = new Prover(srs, DOMAIN_SIZE, fixed);
        int every = Math.max(1, proofs / REPORTS);
        long digest = 0;
        for (int p = 1; p <= proofs; p++) {
            digest ^= prover.prove(p, 1000 + p);
            if (p % every == 0 && p < proofs) {
                System.out.printf(Locale.ROOT, "proof %d/%d: heap used %s, cached indexes %d%n",
                        p, proofs, mb(heapUsed(memory)), Prover.cachedIndexes());
            }
        }

        long used = heapUsed(memory);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "done: %d proofs in %.1f s, heap used %s (%s%s since the SRS was built), "
                        + "cached indexes %d, digest %016x%n",
                proofs, seconds, mb(used), used >= baseline ? "+" : "-", mb(Math.abs(used - baseline)),
                Prover.cachedIndexes(), digest);
        // Keep the SRS reachable to the end, as the real prover does.
        if (srs.size() == 0) {
            System.out.println("empty SRS");
        }
    }

    /** Heap in use after a GC hint (the figure a leak makes grow). */
    private static long heapUsed(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static int parsePositive(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--proofs needs a positive number, not: " + text);
        return 0;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.println(USAGE);
        System.exit(2);
    }
}

package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.format;

/** Workload 2: construct + close of a tracked object, leaktrace beside the other tracers. */
final class TrackedSection implements Section {
    private final ResultsDir results;
    private final JmhResults jmh;

    TrackedSection(ResultsDir results) {
        this.results = results;
        this.jmh = results.jmh();
    }

    @Override
    public void render(StringBuilder out, Targets targets) {
        out.append("## 2. Tracked objects: construct + close\n\n");
        describe(out);
        new TrackedCostTable(jmh).render(out);
        depthControl(out);
        new WriterCpuTable(jmh).render(out);
        peers(out);
        Markdown.command(out, results.command("jmh"));
        new TrackedTargets(jmh).judge(targets);
    }

    private void describe(StringBuilder out) {
        out.append("`TrackedBench.tracked`: `depth` frames of recursion (not inlined), then ")
                .append("`new TrackedResource(..)`, a call, `close()`; the agent writes both lines to a file ")
                .append("(`output=` on the command line). `TrackedBench.throwableCapture`: the same with ")
                .append("`ThrowableTrackedResource`, which does `new Throwable()` per object kept in a ")
                .append("`ConcurrentHashMap` until `close()` (file-leak-detector, Netty's detector at PARANOID), no ")
                .append("agent. ns/object = 1000 / (ops/µs) for one thread; ")
                .append("*added* = ns/object − the no-agent floor of the same depth. ")
                .append("`leaktrace-output-none` builds the lines and discards them (the agent's own work); ")
                .append("`leaktrace-tmpfs-file` writes them to a file on tmpfs (`/dev/shm`), the file's cost without ")
                .append("the disk. `plain-work-control` (`TrackedBench.plainWork`, no agent) is the control for the ")
                .append("depth figure: `PlainWorkResource` calls plain code (`PlainWorkLog`) in the four places where ")
                .append("the agent puts its calls, and that code formats both lines into a buffer, about the agent's ")
                .append("work per object. ")
                .append(results.quick() ? "--quick: 1 fork × 2 × 1 s after 1 × 1 s warm-up.\n\n"
                        : "2 forks × 5 × 1 s after 3 × 1 s warm-up.\n\n");
    }

    /** The depth figure of leaktrace beside the no-agent control's, whatever the verdict. */
    private void depthControl(StringBuilder out) {
        Double leaktrace = depthRatio("leaktrace");
        Double control = depthRatio("plain-work-control");
        if (leaktrace == null || control == null) {
            return;
        }
        out.append(format("Added cost at depth 100 over depth 10, 1 thread: leaktrace %.2f×, the no-agent control "
                + "%.2f×. Both are differences of two noisy medians; the control shows how much work of this size "
                + "moves with depth on this machine without any agent.%n%n", leaktrace, control));
    }

    /** A peer's added cost over no agent at depth 100 divided by that at depth 10, 1 thread. */
    private Double depthRatio(String peer) {
        JmhRow f10 = jmh.find("tracked", "none", "10", 1);
        JmhRow f100 = jmh.find("tracked", "none", "100", 1);
        JmhRow p10 = jmh.find("tracked", peer, "10", 1);
        JmhRow p100 = jmh.find("tracked", peer, "100", 1);
        if (f10 == null || f100 == null || p10 == null || p100 == null) {
            return null;
        }
        return (p100.nsPerObject() - f100.nsPerObject()) / (p10.nsPerObject() - f10.nsPerObject());
    }

    private void peers(StringBuilder out) {
        out.append("Peers and their JVM arguments (`bench/target/results` is the output directory):\n\n");
        for (String peer : jmh.peers("tracked")) {
            JmhRow r = jmh.first("tracked", peer);
            out.append("- **").append(peer).append("** (`").append(r.benchmark()).append("`): ")
                    .append(r.jvmArgs().isEmpty() ? "no extra arguments" : "`" + r.jvmArgs() + "`").append('\n');
        }
        out.append("\nWhat the peers record: JFR's `profile` settings sample allocations ")
                .append("(`jdk.ObjectAllocationSample`, throttled to 300/s, with stack traces); async-profiler's ")
                .append("`event=alloc` samples about every 512 KB allocated (TLAB-driven); the allocation ")
                .append("instrumenter calls a `Sampler` for every allocation of every instrumented class, ours only ")
                .append("counts `TrackedResource` (no site, no output); Throwable capture records every object with ")
                .append("its full stack, as leaktrace does with its site. Only leaktrace and Throwable capture see ")
                .append("every object, so they are the like-for-like ")
                .append("pair.\n\n");
    }
}

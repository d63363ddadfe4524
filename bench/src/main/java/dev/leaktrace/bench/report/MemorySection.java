package dev.leaktrace.bench.report;

import static dev.leaktrace.bench.report.Markdown.fmt;
import static dev.leaktrace.bench.report.Markdown.format;

import java.io.IOException;
import java.util.Properties;

/** The agent's heap per live tracked object, and what it keeps of dropped ones ({@code MemoryProbe}). */
final class MemorySection implements Section {
    private final ResultsDir results;

    MemorySection(ResultsDir results) {
        this.results = results;
    }

    @Override
    public void render(StringBuilder out, Targets targets) throws IOException {
        out.append("## Agent memory\n\n");
        Properties none = results.memoryProbe("memory-none.txt");
        Properties agent = results.memoryProbe("memory-agent.txt");
        if (none == null || agent == null) {
            targets.missing("Agent memory per live object", "≤ 100 B");
            return;
        }
        long n = Long.parseLong(none.getProperty("objects"));
        out.append("`dev.leaktrace.bench.memory.MemoryProbe ").append(n).append("`: creates ").append(n)
                .append(" tracked objects and keeps them; closes them all (still reachable); then creates and ")
                .append("closes ").append(n).append(" more one at a time (kept reachable). Heap used after ")
                .append("`System.gc()` (least of 10 over 2 s, `MemoryMXBean`, `-XX:+UseSerialGC`), with the agent ")
                .append("minus without, per object.\n\n");
        double live = perObject(none, agent, "live", "base", n);
        double afterDrop = perObject(none, agent, "dropped", "base", n);
        double churn = perObject(none, agent, "churn", "churnBase", n);
        Markdown.head(out, "Step", "no agent (MB)", "agent (MB)", "agent − none, per object");
        Markdown.row(out, "baseline (agent's own classes, buffers)", mb(none, "base"), mb(agent, "base"),
                fmt((bytes(agent, "base") - bytes(none, "base")) / 1e6) + " MB in total");
        Markdown.row(out, n + " live tracked objects", mb(none, "live"), mb(agent, "live"), fmt(live) + " B");
        Markdown.row(out, "the same, all closed", mb(none, "dropped"), mb(agent, "dropped"), fmt(afterDrop) + " B");
        Markdown.row(out, n + " more, each closed at once", mb(none, "churn"), mb(agent, "churn"),
                fmt(churn) + " B (vs the step before)");
        out.append("\nCommands: `").append(results.command("memory-none")).append("` and `")
                .append(results.command("memory-agent")).append("`\n\n");
        targets.judge("Agent memory per live tracked object", "≤ 100 B", fmt(live) + " B", live <= 100);
        targets.judge("Retained for dropped objects", "≈ 0 B", format("%s B per dropped object; %s B per object "
                + "after closing %d live ones at once", fmt(churn), fmt(afterDrop), n), churn <= 1 && afterDrop <= 16);
    }

    /** The agent's heap over the no-agent run's, from one step to another, per object. */
    private static double perObject(Properties none, Properties agent, String step, String from, long n) {
        long withAgent = bytes(agent, step) - bytes(agent, from);
        long without = bytes(none, step) - bytes(none, from);
        return (withAgent - without) / (double) n;
    }

    private static long bytes(Properties p, String key) {
        return Long.parseLong(p.getProperty(key).trim());
    }

    private static String mb(Properties p, String key) {
        return fmt(bytes(p, key) / 1e6);
    }
}

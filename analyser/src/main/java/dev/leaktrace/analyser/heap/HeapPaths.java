package dev.leaktrace.analyser.heap;

import dev.leaktrace.analyser.heap.TrackedObjects.Tracked;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a heap dump of a traced JVM and writes, for the traced objects alive in it, the lines
 * that say what holds them: per group (type and site) its retained size and its holders, and the
 * path from a GC root of up to {@code examples} objects; and the holders of objects released but
 * still reachable. The line formats: {@link PathLines}.
 */
public final class HeapPaths {
    /** Holders listed per group, at most; the objects of the others are only counted in the group. */
    static final int MAX_HOLDERS = 8;

    /**
     * What an analysis read and found, for its caller's message.
     *
     * @param readSeconds the time the two passes over the dump took, before the walk
     */
    public record Summary(int objects, int traced, int groups, int paths, double readSeconds) {
    }

    private HeapPaths() {
    }

    /** A group's objects by holder, most held first, at most {@link #MAX_HOLDERS}. */
    private static List<Map.Entry<String, List<Integer>>> holders(List<Tracked> group, PathLines lines) {
        Map<String, List<Integer>> byHolder = new LinkedHashMap<>();
        for (Tracked t : group) {
            byHolder.computeIfAbsent(lines.holder(t.index()), h -> new ArrayList<>()).add(t.index());
        }
        List<Map.Entry<String, List<Integer>>> holders = new ArrayList<>(byHolder.entrySet());
        holders.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        return holders.subList(0, Math.min(MAX_HOLDERS, holders.size()));
    }

    /**
     * @param compressedOops whether the dumped JVM used 4-byte references (sizes: {@link ObjectSizes})
     */
    public static Summary write(File heapDump, int examples, boolean compressedOops, PrintWriter out) throws Exception {
        long start = System.nanoTime();
        try (DumpGraph graph = DumpGraph.read(heapDump.toPath())) {
            return write(graph, examples, compressedOops, out, (System.nanoTime() - start) / 1e9);
        }
    }

    private static Summary write(DumpGraph graph, int examples, boolean compressedOops, PrintWriter out,
                                 double readSeconds) throws IOException {
        int objects = graph.count;
        ClassLayouts layouts = new ClassLayouts(graph);
        List<Tracked> tracked = TrackedObjects.in(graph, layouts);
        BitSet traced = new BitSet(objects);
        Map<String, List<Tracked>> groups = new LinkedHashMap<>();
        Map<String, List<Tracked>> released = new LinkedHashMap<>();
        for (Tracked t : tracked) {
            // Released objects are walked around too, so that their retained size is theirs alone.
            traced.set(t.index());
            (t.released() ? released : groups).computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t);
        }
        HeapEdges edges = new HeapEdges(graph, layouts);
        Roots roots = Roots.of(graph, layouts);
        HeapWalk walk = HeapWalk.from(roots, traced, edges, objects);
        RetainedSizes retained = new RetainedSizes(edges, walk, new ObjectSizes(graph, layouts, compressedOops), objects);
        PathLines lines = new PathLines(walk, roots, edges);
        int paths = 0;
        for (List<Tracked> group : groups.values()) {
            long example = group.get(0).id();
            List<Integer> all = new ArrayList<>();
            for (Tracked t : group) {
                all.add(t.index());
            }
            out.println(PathLines.retained(example, group.size(), retained.of(all).bytes()));
            for (Map.Entry<String, List<Integer>> holder : holders(group, lines)) {
                out.println(PathLines.holder(example, holder.getValue().size(),
                        retained.of(holder.getValue()).bytes(), holder.getKey()));
            }
            for (Tracked t : group.subList(0, Math.min(examples, group.size()))) {
                out.println(PathLines.path(t.id(), lines.path(t.index())));
                paths++;
            }
        }
        for (List<Tracked> all : released.values()) {
            // Released and garbage is as it should be; only a strong path makes it a leak of its own.
            List<Tracked> group = new ArrayList<>();
            for (Tracked t : all) {
                if (walk.reached(t.index())) {
                    group.add(t);
                }
            }
            if (group.isEmpty()) {
                continue;
            }
            Tracked first = group.get(0);
            for (Map.Entry<String, List<Integer>> holder : holders(group, lines)) {
                out.println(PathLines.reachable(first.id(), first.type(), first.site(), holder.getValue().size(),
                        retained.of(holder.getValue()).bytes(), holder.getKey()));
            }
        }
        out.flush();
        return new Summary(objects, tracked.size(), groups.size(), paths, readSeconds);
    }
}

package dev.leaktrace.analyser.heap;

import java.util.BitSet;
import java.util.Collection;

/**
 * What releasing a set of traced objects would free: the objects that no path from a root reaches
 * once the set is gone. Exact, and cheap because only the part of the heap that hangs off traced
 * objects is walked: everything {@link HeapWalk#plain} stays alive whatever is released, and any
 * other path from a root enters that part through a traced object of {@link HeapWalk#frontier}.
 */
final class RetainedSizes {
    private final HeapEdges edges;
    private final HeapWalk walk;
    private final ObjectSizes sizes;
    private final int[] mark;
    private final int[] queue;
    private int stamp;

    /** The objects and bytes freed. */
    record Retained(long objects, long bytes) {
    }

    RetainedSizes(HeapEdges edges, HeapWalk walk, ObjectSizes sizes, int objects) {
        this.edges = edges;
        this.walk = walk;
        this.sizes = sizes;
        this.mark = new int[objects];
        this.queue = new int[objects];
    }

    Retained of(Collection<Integer> released) {
        BitSet set = new BitSet();
        for (int object : released) {
            set.set(object);
        }
        // What the other traced objects still hold, without passing through the released ones.
        int held = ++stamp;
        int tail = 0;
        for (int object : walk.frontier) {
            if (!set.get(object) && mark[object] != held) {
                mark[object] = held;
                queue[tail++] = object;
            }
        }
        walkFrom(tail, held, set, false);
        // What the released ones reach beyond that.
        int freed = ++stamp;
        tail = 0;
        for (int object : released) {
            if (mark[object] != freed) {
                mark[object] = freed;
                queue[tail++] = object;
            }
        }
        return walkFrom(tail, freed, null, true);
    }

    private Retained walkFrom(int tail, int stampNow, BitSet excluded, boolean measure) {
        int held = stampNow - 1;
        int[] end = {tail};
        long objects = 0;
        long bytes = 0;
        for (int head = 0; head < end[0]; head++) {
            int object = queue[head];
            if (measure) {
                objects++;
                bytes += sizes.of(object);
            }
            edges.forEach(object, (child, s) -> {
                if (mark[child] == stampNow || walk.plain.get(child)
                        || (excluded != null && excluded.get(child)) || (measure && mark[child] == held)) {
                    return;
                }
                mark[child] = stampNow;
                queue[end[0]++] = child;
            });
        }
        return new Retained(objects, bytes);
    }
}

package dev.leaktrace.analyser.heap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One breadth-first walk of the dump's strong references from its roots, keeping each object's
 * parent, so that the path to any object is read back up from it.
 *
 * <p>In two stages, for paths that mean something and for exact retained sizes: first the walk
 * passes through no traced object ({@link #plain} is what it reaches: what stays alive whatever
 * traced objects are released), then it goes on from the traced objects it met. A traced object's
 * path thus passes through another traced object only when every path does.
 */
final class HeapWalk {
    static final int UNSEEN = -1;
    static final int ROOT = -2;

    final int[] parent;
    /** For an object whose parent is not {@link #ROOT}: which reference of the parent. */
    final int[] slot;
    /** For a root object: its index in {@link Roots#labels}. */
    final int[] rootOf;
    /** Reached without passing through a traced object. */
    final BitSet plain = new BitSet();
    /** The traced objects that {@link #plain} objects (or roots) point at. */
    final List<Integer> frontier = new ArrayList<>();

    private HeapWalk(int objects) {
        parent = new int[objects];
        slot = new int[objects];
        rootOf = new int[objects];
        java.util.Arrays.fill(parent, UNSEEN);
    }

    static HeapWalk from(Roots roots, BitSet traced, HeapEdges edges, int objects) {
        HeapWalk walk = new HeapWalk(objects);
        int[] queue = new int[objects];
        int tail = 0;
        for (int i = 0; i < roots.objects.size(); i++) {
            int object = roots.objects.get(i);
            if (walk.parent[object] == UNSEEN) {
                walk.parent[object] = ROOT;
                walk.rootOf[object] = i;
                queue[tail++] = object;
            }
        }
        int[] end = {tail};
        // Stage one: through untraced objects only.
        for (int head = 0; head < end[0]; head++) {
            int object = queue[head];
            if (traced.get(object)) {
                walk.frontier.add(object);
                continue;
            }
            walk.plain.set(object);
            int from = object;
            edges.forEach(object, (child, s) -> {
                if (walk.parent[child] == UNSEEN) {
                    walk.parent[child] = from;
                    walk.slot[child] = s;
                    queue[end[0]++] = child;
                }
            });
        }
        // Stage two: on from the traced objects met, in the order they were met.
        int head = 0;
        end[0] = 0;
        for (int object : walk.frontier) {
            queue[end[0]++] = object;
        }
        for (; head < end[0]; head++) {
            int from = queue[head];
            edges.forEach(from, (child, s) -> {
                if (walk.parent[child] == UNSEEN) {
                    walk.parent[child] = from;
                    walk.slot[child] = s;
                    queue[end[0]++] = child;
                }
            });
        }
        return walk;
    }

    boolean reached(int object) {
        return parent[object] != UNSEEN;
    }
}

package dev.leaktrace.analyser.heap;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import shark.HeapGraph;
import shark.HeapObject;

/**
 * Every object of the dump by a dense number, 0 to count - 1, so that walks keep their state in
 * plain arrays. Ours rather than Shark's object index, which 2.14 gets wrong for primitive arrays.
 */
final class ObjectIndex {
    private final HeapGraph graph;
    private final long[] ids;
    /** Primitive arrays: no references out, so walks never read their records. */
    private final BitSet primitiveArrays = new BitSet();

    ObjectIndex(HeapGraph graph) {
        this.graph = graph;
        long[] all = new long[graph.getObjectCount()];
        int n = 0;
        for (Iterator<HeapObject> it = graph.getObjects().iterator(); it.hasNext(); ) {
            all[n++] = it.next().getObjectId();
        }
        ids = Arrays.copyOf(all, n);
        Arrays.sort(ids);
        for (Iterator<HeapObject.HeapPrimitiveArray> it = graph.getPrimitiveArrays().iterator(); it.hasNext(); ) {
            primitiveArrays.set(indexOf(it.next().getObjectId()));
        }
    }

    int count() {
        return ids.length;
    }

    /** The number of the object with this id, or -1 when the dump has none. */
    int indexOf(long id) {
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? -1 : at;
    }

    HeapObject object(int index) {
        return graph.findObjectById(ids[index]);
    }

    boolean isPrimitiveArray(int index) {
        return primitiveArrays.get(index);
    }
}

package dev.leaktrace.analyser.heap;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The strong references out of one object of the dump, by object number: instance fields (not a
 * Reference's referent, nothing out of the agent's own objects) and object array elements.
 * Class objects have none here: their static fields are roots of their own ({@link Roots}).
 */
final class HeapEdges {
    interface Visitor {
        /** @param slot which of the object's references this is, for {@link #label} */
        void edge(int child, int slot);
    }

    private final DumpGraph graph;
    private final ClassLayouts layouts;

    HeapEdges(DumpGraph graph, ClassLayouts layouts) {
        this.graph = graph;
        this.layouts = layouts;
    }

    void forEach(int number, Visitor visitor) {
        int[] edges = graph.edges;
        int from = graph.edgeStart[number];
        int to = graph.edgeStart[number + 1];
        for (int e = from; e < to; e++) {
            visitor.edge(edges[e], e - from);
        }
    }

    /**
     * How a path names the reference in {@code slot} of the object: {@code Class.field} or
     * {@code Type[][i]}. The edges keep no field, so the object's record is read again and its
     * references counted as the graph counted them (nulls and ids not in the dump are no edge).
     */
    String label(int index, int slot) {
        try {
            int k = 0;
            if (graph.kinds[index] == DumpGraph.INSTANCE) {
                ClassLayouts.Layout layout = layouts.of(graph.types[index]);
                byte[] fields = graph.instanceFields(index);
                for (int s = 0; s < layout.offsets.length; s++) {
                    if (isEdge(graph.idAt(fields, layout.offsets[s])) && k++ == slot) {
                        return layout.labels[s];
                    }
                }
            } else {
                long[] elements = graph.elements(index);
                for (int i = 0; i < elements.length; i++) {
                    if (isEdge(elements[i]) && k++ == slot) {
                        return className(index) + "[" + i + "]";
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("object " + index + " of the dump has no reference " + slot);
    }

    private boolean isEdge(long id) {
        return id != 0 && graph.index.of(id) >= 0;
    }

    /** The class of an object, as holders name it. */
    String className(int index) {
        return switch (graph.kinds[index]) {
            case DumpGraph.INSTANCE, DumpGraph.OBJECT_ARRAY -> graph.classOf(index).name;
            case DumpGraph.PRIMITIVE_ARRAY -> HprofRecords.primitiveArrayName(graph.types[index]);
            default -> "java.lang.Class";
        };
    }
}

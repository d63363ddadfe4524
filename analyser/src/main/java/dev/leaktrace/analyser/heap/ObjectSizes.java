package dev.leaktrace.analyser.heap;

/**
 * An object's size in the JVM that was dumped, from the dump: a heap dump holds field values, not
 * headers or padding, and writes every reference in 8 bytes, so the header, the reference size
 * (4 bytes with compressed oops, the default below 32 GB of heap) and the 8-byte alignment are
 * HotSpot's, added here.
 */
final class ObjectSizes {
    private final DumpGraph graph;
    private final ClassLayouts layouts;
    private final int referenceSize;
    private final int header;
    private final int arrayHeader;

    ObjectSizes(DumpGraph graph, ClassLayouts layouts, boolean compressedOops) {
        this.graph = graph;
        this.layouts = layouts;
        this.referenceSize = compressedOops ? 4 : 8;
        this.header = compressedOops ? 12 : 16;
        this.arrayHeader = compressedOops ? 16 : 24;
    }

    long of(int object) {
        return switch (graph.kinds[object]) {
            case DumpGraph.INSTANCE -> {
                ClassLayouts.Layout layout = layouts.of(graph.types[object]);
                yield align(header + layout.primitiveBytes + (long) layout.referenceFields * referenceSize);
            }
            case DumpGraph.OBJECT_ARRAY -> align(arrayHeader + (long) graph.lengths[object] * referenceSize);
            case DumpGraph.PRIMITIVE_ARRAY -> align(arrayHeader
                    + (long) graph.lengths[object] * HprofRecords.valueSize(graph.types[object], graph.idSize));
            default -> 0; // class objects live outside the heap's accounting of a leak
        };
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}

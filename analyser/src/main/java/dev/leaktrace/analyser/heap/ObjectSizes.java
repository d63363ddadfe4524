package dev.leaktrace.analyser.heap;

import shark.HeapObject;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;
import shark.HeapObject.HeapPrimitiveArray;

/**
 * An object's size in the JVM that was dumped, from the dump: a heap dump holds field values, not
 * headers or padding, and writes every reference in 8 bytes, so the header, the reference size
 * (4 bytes with compressed oops, the default below 32 GB of heap) and the 8-byte alignment are
 * HotSpot's, added here.
 */
final class ObjectSizes {
    private final ClassLayouts layouts;
    private final int referenceSize;
    private final int header;
    private final int arrayHeader;

    ObjectSizes(ClassLayouts layouts, boolean compressedOops) {
        this.layouts = layouts;
        this.referenceSize = compressedOops ? 4 : 8;
        this.header = compressedOops ? 12 : 16;
        this.arrayHeader = compressedOops ? 16 : 24;
    }

    long of(HeapObject object) {
        if (object instanceof HeapInstance instance) {
            ClassLayouts.Layout layout = layouts.of(instance.getInstanceClassId());
            return align(header + layout.primitiveBytes + (long) layout.referenceFields * referenceSize);
        }
        if (object instanceof HeapObjectArray array) {
            long length = array.readByteSize() / array.getGraph().getIdentifierByteSize();
            return align(arrayHeader + length * referenceSize);
        }
        if (object instanceof HeapPrimitiveArray array) {
            return align(arrayHeader + (long) array.readByteSize());
        }
        return 0; // class objects live outside the heap's accounting of a leak
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}

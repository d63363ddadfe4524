package dev.leaktrace.analyser.heap;

import shark.HeapObject;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;
import shark.HprofRecord.HeapDumpRecord.ObjectRecord.InstanceDumpRecord;

/**
 * The strong references out of one object of the dump, by object index: instance fields (not a
 * Reference's referent, nothing out of the agent's own objects) and object array elements.
 * Class objects have none here: their static fields are roots of their own ({@link Roots}).
 */
final class HeapEdges {
    interface Visitor {
        /** @param slot which field or element of the object holds the reference, for {@link #label} */
        void edge(int child, int slot);
    }

    private final ClassLayouts layouts;

    private final ObjectIndex index;

    HeapEdges(ObjectIndex index, ClassLayouts layouts) {
        this.index = index;
        this.layouts = layouts;
    }

    HeapObject object(int number) {
        return index.object(number);
    }

    void forEach(int number, Visitor visitor) {
        if (index.isPrimitiveArray(number)) {
            return; // no references in a primitive array
        }
        HeapObject object = object(number);
        if (object instanceof HeapInstance instance) {
            ClassLayouts.Layout layout = layouts.of(instance.getInstanceClassId());
            if (layout.offsets.length == 0) {
                return;
            }
            InstanceDumpRecord record = instance.readRecord();
            byte[] fields = record.getFieldValues();
            for (int slot = 0; slot < layout.offsets.length; slot++) {
                visit(layouts.idAt(fields, layout.offsets[slot]), slot, visitor);
            }
        } else if (object instanceof HeapObjectArray array) {
            long[] elements = array.readRecord().getElementIds();
            for (int slot = 0; slot < elements.length; slot++) {
                visit(elements[slot], slot, visitor);
            }
        }
    }

    private void visit(long id, int slot, Visitor visitor) {
        if (id == 0) {
            return;
        }
        int child = index.indexOf(id);
        if (child >= 0) {
            visitor.edge(child, slot);
        }
    }

    /** How a path names the reference in {@code slot} of the object: {@code Class.field} or {@code Type[][i]}. */
    String label(int index, int slot) {
        HeapObject object = object(index);
        if (object instanceof HeapInstance instance) {
            return layouts.of(instance.getInstanceClassId()).labels[slot];
        }
        return ((HeapObjectArray) object).getArrayClassName() + "[" + slot + "]";
    }

    /** The class of an object, as holders name it. */
    String className(int index) {
        HeapObject object = object(index);
        if (object instanceof HeapInstance instance) {
            return instance.getInstanceClassName();
        }
        if (object instanceof HeapObjectArray array) {
            return array.getArrayClassName();
        }
        if (object instanceof HeapObject.HeapPrimitiveArray array) {
            return array.getArrayClassName();
        }
        return "java.lang.Class";
    }
}

package dev.leaktrace.analyser.heap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shark.HeapGraph;
import shark.HeapObject.HeapClass;
import shark.HprofRecord.HeapDumpRecord.ObjectRecord.ClassDumpRecord.FieldRecord;
import shark.PrimitiveType;

/**
 * Where an instance's strong references sit in its dump record, per class: read once per class,
 * so that walking millions of instances reads raw field bytes instead of building field objects.
 */
final class ClassLayouts {
    /** The agent's own classes: their references are bookkeeping, never what holds a leak. */
    private static final String[] AGENT_PACKAGES = {
        "dev.leaktrace.bootstrap.", "dev.leaktrace.agent.", "dev.leaktrace.shaded.", "dev.leaktrace.api."
    };

    /** One class's reference fields: byte offsets into the record and the names paths print. */
    static final class Layout {
        final int[] offsets;
        final String[] labels;
        /** Bytes of the primitive fields, and the number of reference fields, for the shallow size. */
        final int primitiveBytes;
        final int referenceFields;

        Layout(int[] offsets, String[] labels, int primitiveBytes, int referenceFields) {
            this.offsets = offsets;
            this.labels = labels;
            this.primitiveBytes = primitiveBytes;
            this.referenceFields = referenceFields;
        }
    }

    private final HeapGraph graph;
    private final int idSize;
    private final Map<Long, Layout> byClassId = new HashMap<>();

    ClassLayouts(HeapGraph graph) {
        this.graph = graph;
        this.idSize = graph.getIdentifierByteSize();
    }

    static boolean isAgentClass(String name) {
        for (String prefix : AGENT_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    Layout of(long classId) {
        Layout layout = byClassId.get(classId);
        if (layout == null) {
            layout = read(graph.findObjectById(classId).getAsClass());
            byClassId.put(classId, layout);
        }
        return layout;
    }

    private Layout read(HeapClass type) {
        String runtimeName = type.getName();
        boolean agent = isAgentClass(runtimeName);
        List<Integer> offsets = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int offset = 0;
        int primitiveBytes = 0;
        int references = 0;
        // A record holds the class's own fields first, then each superclass's.
        for (HeapClass c = type; c != null; c = c.getSuperclass()) {
            boolean weakReferent = c.getName().equals("java.lang.ref.Reference");
            for (FieldRecord field : c.readRecordFields()) {
                if (field.getType() == PrimitiveType.REFERENCE_HPROF_TYPE) {
                    references++;
                    String name = c.instanceFieldName(field);
                    // A Reference's referent is weak, soft or phantom: never a strong path.
                    if (!agent && !(weakReferent && name.equals("referent"))) {
                        offsets.add(offset);
                        labels.add(runtimeName + "." + name);
                    }
                    offset += idSize;
                } else {
                    int size = primitiveSize(field.getType());
                    primitiveBytes += size;
                    offset += size;
                }
            }
        }
        int[] at = new int[offsets.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = offsets.get(i);
        }
        return new Layout(at, labels.toArray(new String[0]), primitiveBytes, references);
    }

    static int primitiveSize(int hprofType) {
        for (PrimitiveType type : PrimitiveType.values()) {
            if (type.getHprofType() == hprofType) {
                return type.getByteSize();
            }
        }
        throw new IllegalArgumentException("unknown field type " + hprofType + " in the heap dump");
    }

    /** The id at {@code offset} of a record's field bytes (big-endian, the dump's id size). */
    long idAt(byte[] fields, int offset) {
        long id = 0;
        for (int i = 0; i < idSize; i++) {
            id = id << 8 | (fields[offset + i] & 0xFF);
        }
        return id;
    }
}

package dev.leaktrace.analyser.heap;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an instance's strong references sit in its dump record, per class: worked out once per
 * class, so that reading millions of instances reads raw field bytes at known offsets.
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

    /** A field found by name: where it is in an instance's field bytes, and its basic type. */
    record Field(int offset, int type) {
    }

    private final DumpGraph graph;
    private Layout[] byClass = new Layout[0];

    ClassLayouts(DumpGraph graph) {
        this.graph = graph;
    }

    /** The layout, or null while the class or one of its superclasses has no record or name yet. */
    Layout ofDefined(int type) {
        if (type < byClass.length && byClass[type] != null) {
            return byClass[type];
        }
        for (DumpClass c = graph.classes.get(type); c != null;
                c = c.superNumber < 0 ? null : graph.classes.get(c.superNumber)) {
            if (!c.defined || !c.named) {
                return null;
            }
        }
        return of(type);
    }

    static boolean isAgentClass(String name) {
        for (String prefix : AGENT_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    Layout of(int type) {
        if (type >= byClass.length) {
            byClass = java.util.Arrays.copyOf(byClass, Math.max(type + 1, graph.classes.size()));
        }
        Layout layout = byClass[type];
        if (layout == null) {
            layout = read(graph.classes.get(type));
            byClass[type] = layout;
        }
        return layout;
    }

    private Layout read(DumpClass type) {
        String runtimeName = type.name;
        boolean agent = isAgentClass(runtimeName);
        List<Integer> offsets = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int offset = 0;
        int primitiveBytes = 0;
        int references = 0;
        // A record holds the class's own fields first, then each superclass's.
        for (DumpClass c = type; c != null; c = c.superNumber < 0 ? null : graph.classes.get(c.superNumber)) {
            boolean weakReferent = c.name.equals("java.lang.ref.Reference");
            for (int i = 0; i < c.fieldTypes.length; i++) {
                if (c.fieldTypes[i] == HprofRecords.OBJECT) {
                    references++;
                    String name = c.fieldNames[i];
                    // A Reference's referent is weak, soft or phantom: never a strong path.
                    if (!agent && !(weakReferent && name.equals("referent"))) {
                        offsets.add(offset);
                        labels.add(runtimeName + "." + name);
                    }
                    offset += graph.idSize;
                } else {
                    int size = HprofRecords.valueSize(c.fieldTypes[i], graph.idSize);
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

    /** The field {@code name} declared by the class named {@code owner} in instances of {@code type}, or null. */
    Field field(int type, String owner, String name) {
        int offset = 0;
        for (DumpClass c = graph.classes.get(type); c != null;
                c = c.superNumber < 0 ? null : graph.classes.get(c.superNumber)) {
            for (int i = 0; i < c.fieldTypes.length; i++) {
                if (c.name.equals(owner) && c.fieldNames[i].equals(name)) {
                    return new Field(offset, c.fieldTypes[i]);
                }
                offset += HprofRecords.valueSize(c.fieldTypes[i], graph.idSize);
            }
        }
        return null;
    }
}

package dev.leaktrace.analyser.heap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One instance's fields read again from the dump, by the class that declares them and their name. */
final class DumpInstance {
    private static final int BYTE = 8;
    private static final int CHAR = 5;
    private static final int INT = 10;
    private static final int LONG = 11;

    private final DumpGraph graph;
    private final ClassLayouts layouts;
    private final int type;
    private final byte[] fields;

    private DumpInstance(DumpGraph graph, ClassLayouts layouts, int type, byte[] fields) {
        this.graph = graph;
        this.layouts = layouts;
        this.type = type;
        this.fields = fields;
    }

    /** Object {@code object} of the dump, or null when it is no instance (or -1). */
    static DumpInstance read(DumpGraph graph, ClassLayouts layouts, int object) throws IOException {
        if (object < 0 || graph.kinds[object] != DumpGraph.INSTANCE) {
            return null;
        }
        return new DumpInstance(graph, layouts, graph.types[object], graph.instanceFields(object));
    }

    boolean has(String owner, String name) {
        return layouts.field(type, owner, name) != null;
    }

    /** The object a reference field points at, or -1 when it is null or not in the dump. */
    int object(String owner, String name) {
        ClassLayouts.Field field = layouts.field(type, owner, name);
        if (field == null || field.type() != HprofRecords.OBJECT) {
            return -1;
        }
        long id = graph.idAt(fields, field.offset());
        return id == 0 ? -1 : graph.index.of(id);
    }

    /** An int or long field's value, or null when the field is not one. */
    Long number(String owner, String name) {
        ClassLayouts.Field field = layouts.field(type, owner, name);
        if (field == null || (field.type() != INT && field.type() != LONG)) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < (field.type() == INT ? 4 : 8); i++) {
            value = value << 8 | (fields[field.offset() + i] & 0xFF);
        }
        return field.type() == INT ? (long) (int) value : value;
    }

    /** A byte field's value, or -1. */
    int byteValue(String owner, String name) {
        ClassLayouts.Field field = layouts.field(type, owner, name);
        return field == null || field.type() != BYTE ? -1 : fields[field.offset()];
    }

    /** The bytes of the byte[] a field points at, or null. */
    byte[] bytes(String owner, String name) throws IOException {
        int array = object(owner, name);
        if (array < 0 || graph.kinds[array] != DumpGraph.PRIMITIVE_ARRAY || graph.types[array] != BYTE) {
            return null;
        }
        return graph.primitiveValues(array);
    }

    /** The text of the java.lang.String a field points at, or null. */
    String string(String owner, String name) throws IOException {
        DumpInstance text = read(graph, layouts, object(owner, name));
        if (text == null) {
            return null;
        }
        int value = text.object("java.lang.String", "value");
        if (value < 0 || graph.kinds[value] != DumpGraph.PRIMITIVE_ARRAY) {
            return null;
        }
        byte[] bytes = graph.primitiveValues(value);
        if (graph.types[value] == CHAR) {
            return new String(bytes, StandardCharsets.UTF_16BE); // dumps write chars big-endian
        }
        // Compact strings: LATIN1, or UTF-16 in the dumped machine's order (little-endian on x86 and ARM).
        return new String(bytes, text.byteValue("java.lang.String", "coder") == 1
                ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }
}

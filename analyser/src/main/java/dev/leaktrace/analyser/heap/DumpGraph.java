package dev.leaktrace.analyser.heap;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A heap dump as plain arrays, read in one sequential pass: every object numbered in file order
 * (its id, where its record is, its class or element type, its length), the classes, names and GC
 * roots, and each object's strong references, as ids, then as the numbers of the objects they
 * point at, in one array of edges ({@link #edgeStart}). That needs each class's record before its
 * instances', as the JVM's heap dumper writes them. A few records (the registry's entries, thread
 * names, the steps of the paths printed) are read again by position.
 */
final class DumpGraph implements Closeable {
    static final byte INSTANCE = 0;
    static final byte OBJECT_ARRAY = 1;
    static final byte PRIMITIVE_ARRAY = 2;
    static final byte CLASS = 3;

    /**
     * The pass reads 4 MB at a time; a record read again, 4 kB: each is a seek elsewhere, and a
     * large buffer would copy far more than the record each time (tens of thousands of them).
     */
    private static final int PASS_BUFFER = 4 << 20;
    private static final int RECORD_BUFFER = 4 << 10;

    private final HprofInput records;
    int idSize;
    int count;
    long[] ids;
    /** The file offset of each object's sub-record. */
    long[] positions;
    byte[] kinds;
    /** The class number of an instance, object array or class object; a primitive array's element type. */
    int[] types;
    /** An array's length; 0 otherwise. */
    int[] lengths;
    IdIndex index;
    /** The edges out of object n: {@code edges[edgeStart[n] .. edgeStart[n + 1])}. */
    int[] edgeStart;
    int[] edges;
    /** The references as the pass read them, ids, until they are numbers. */
    private long[] rawEdges;
    private int rawCount;

    final List<DumpClass> classes = new ArrayList<>();
    private final Map<Long, Integer> classNumbers = new HashMap<>();
    private long lastClassId = -1;
    private int lastClassNumber = -1;

    int rootCount;
    byte[] rootKinds = new byte[1024];
    long[] rootIds = new long[1024];
    int[] rootThreads = new int[1024];

    private DumpGraph(HprofInput records) {
        this.records = records;
    }

    /** Reads the dump. */
    static DumpGraph read(Path file) throws IOException {
        Map<Long, String> strings = new HashMap<>();
        Map<Long, Long> classNames = new HashMap<>();
        List<HprofRecords.ClassRecord> classRecords = new ArrayList<>();
        DumpGraph graph = new DumpGraph(new HprofInput(file, RECORD_BUFFER));
        try {
            try (HprofInput in = new HprofInput(file, PASS_BUFFER)) {
                graph.numberObjects(in, strings, classNames, classRecords, new ClassLayouts(graph));
            }
            graph.resolve(strings, classNames, classRecords);
            graph.index = new IdIndex(graph.ids, graph.count);
            graph.resolveEdges();
            return graph;
        } catch (IOException | RuntimeException | Error e) {
            graph.close();
            throw e;
        }
    }

    /** The pass: every object numbered, classes, names and roots kept, and the references as ids. */
    private void numberObjects(HprofInput in, Map<Long, String> strings, Map<Long, Long> classNames,
                                  List<HprofRecords.ClassRecord> classRecords, ClassLayouts layouts) throws IOException {
        // About one object and one reference per 150 bytes of dump; the arrays grow when there are more.
        int guess = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, in.size() / 150));
        grow(guess);
        rawEdges = new long[guess];
        HprofRecords.read(in, new HprofRecords.Visitor() {
            @Override
            public void header(int bytes) {
                idSize = bytes; // the layouts' offsets need it from the first class on
                records.idSize(bytes);
            }

            @Override
            public void string(long id, String text) {
                strings.put(id, text);
            }

            @Override
            public void loadClass(long classId, long nameId) {
                classNames.put(classId, nameId);
            }

            @Override
            public void root(int kind, long id, int threadSerial) {
                addRoot(kind, id, threadSerial);
            }

            @Override
            public void classDump(long position, HprofRecords.ClassRecord record) {
                classRecords.add(record);
                int number = classNumber(record.id());
                define(classes.get(number), record, strings, classNames);
                add(record.id(), position, CLASS, number, 0);
            }

            @Override
            public void instance(long position, long id, long classId, int length, HprofInput input) throws IOException {
                int type = classNumber(classId);
                add(id, position, INSTANCE, type, 0);
                ClassLayouts.Layout layout = layouts.ofDefined(type);
                if (layout == null) {
                    throw new IOException(in.file() + ": the instance at byte " + position + " comes before the record"
                            + " of its class (or its class's name); leaktrace reads the dumps of the JVM's heap dumper"
                            + " (jcmd GC.heap_dump, HotSpotDiagnosticMXBean), which write every class first");
                }
                int[] offsets = layout.offsets;
                if (offsets.length == 0) {
                    return;
                }
                input.need(length);
                for (int offset : offsets) {
                    long target = input.idAt(offset);
                    if (target != 0) {
                        addEdge(target);
                    }
                }
            }

            @Override
            public void objectArray(long position, long id, long arrayClassId, int length, HprofInput input)
                    throws IOException {
                add(id, position, OBJECT_ARRAY, classNumber(arrayClassId), length);
                for (int i = 0; i < length; i++) {
                    long target = input.id();
                    if (target != 0) {
                        addEdge(target);
                    }
                }
            }

            @Override
            public void primitiveArray(long position, long id, int elementType, int length) {
                add(id, position, PRIMITIVE_ARRAY, elementType, length);
            }
        });
        edgeStart[count] = rawCount;
    }

    /**
     * The ids of the pass as object numbers, half of them by another thread; then each object's
     * edges closed up in place, without those whose id is not in the dump.
     */
    private void resolveEdges() {
        long[] raw = rawEdges;
        int[] numbers = new int[rawCount];
        int half = rawCount / 2;
        Thread other = new Thread(() -> number(raw, numbers, half, rawCount), "leaktrace-edges");
        other.start();
        number(raw, numbers, 0, half);
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the heap dump", e);
        }
        rawEdges = null;
        int w = 0;
        int e = 0;
        for (int n = 0; n < count; n++) {
            int end = edgeStart[n + 1];
            edgeStart[n] = w;
            for (; e < end; e++) {
                if (numbers[e] >= 0) {
                    numbers[w++] = numbers[e];
                }
            }
        }
        edgeStart[count] = w;
        edges = numbers;
    }

    private void number(long[] raw, int[] numbers, int from, int to) {
        for (int e = from; e < to; e++) {
            numbers[e] = index.of(raw[e]);
        }
    }

    private void addEdge(long target) {
        if (rawCount == rawEdges.length) {
            rawEdges = Arrays.copyOf(rawEdges, (int) Math.min(Integer.MAX_VALUE - 8, rawCount + (rawCount >> 1) + 16L));
            if (rawCount == rawEdges.length) {
                throw new IllegalStateException("the heap dump holds more than 2^31 references; leaktrace's paths read smaller dumps");
            }
        }
        rawEdges[rawCount++] = target;
    }

    private void grow(int size) {
        ids = ids == null ? new long[size] : Arrays.copyOf(ids, size);
        positions = positions == null ? new long[size] : Arrays.copyOf(positions, size);
        kinds = kinds == null ? new byte[size] : Arrays.copyOf(kinds, size);
        types = types == null ? new int[size] : Arrays.copyOf(types, size);
        lengths = lengths == null ? new int[size] : Arrays.copyOf(lengths, size);
        edgeStart = edgeStart == null ? new int[size + 1] : Arrays.copyOf(edgeStart, size + 1);
    }

    private void add(long id, long position, byte kind, int type, int length) {
        if (count == ids.length) {
            grow((int) Math.min(Integer.MAX_VALUE - 8, count + (count >> 1) + 16L));
        }
        edgeStart[count] = rawCount;
        ids[count] = id;
        positions[count] = position;
        kinds[count] = kind;
        types[count] = type;
        lengths[count++] = length;
    }

    private void addRoot(int kind, long id, int threadSerial) {
        if (rootCount == rootIds.length) {
            rootKinds = Arrays.copyOf(rootKinds, rootCount * 2);
            rootIds = Arrays.copyOf(rootIds, rootCount * 2);
            rootThreads = Arrays.copyOf(rootThreads, rootCount * 2);
        }
        rootKinds[rootCount] = (byte) kind;
        rootIds[rootCount] = id;
        rootThreads[rootCount++] = threadSerial;
    }

    private int classNumber(long classId) {
        if (classId == lastClassId) {
            return lastClassNumber;
        }
        Integer number = classNumbers.get(classId);
        if (number == null) {
            number = classes.size();
            classes.add(new DumpClass(classId, number));
            classNumbers.put(classId, number);
        }
        lastClassId = classId;
        lastClassNumber = number;
        return number;
    }

    /** Names and fields of the classes, once more at the end: a record may come before its name. */
    private void resolve(Map<Long, String> strings, Map<Long, Long> classNames, List<HprofRecords.ClassRecord> classRecords) {
        for (HprofRecords.ClassRecord record : classRecords) {
            define(classes.get(classNumbers.get(record.id())), record, strings, classNames);
        }
        for (DumpClass type : classes) {
            name(type, strings, classNames);
        }
    }

    private void define(DumpClass type, HprofRecords.ClassRecord record, Map<Long, String> strings,
                        Map<Long, Long> classNames) {
        type.superId = record.superId();
        type.superNumber = record.superId() == 0 ? -1 : classNumber(record.superId());
        type.staticNames = names(record.staticNames(), strings);
        type.staticTypes = record.staticTypes();
        type.staticValues = record.staticValues();
        type.fieldNames = names(record.fieldNames(), strings);
        type.fieldTypes = record.fieldTypes();
        type.defined = !List.of(type.fieldNames).contains("?") && !List.of(type.staticNames).contains("?");
        name(type, strings, classNames);
    }

    private static void name(DumpClass type, Map<Long, String> strings, Map<Long, Long> classNames) {
        Long nameId = classNames.get(type.id);
        String name = nameId == null ? null : strings.get(nameId);
        if (name != null) {
            type.name = DumpClass.javaName(name);
            type.named = true;
        }
    }

    private static String[] names(long[] ids, Map<Long, String> strings) {
        String[] names = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            names[i] = strings.getOrDefault(ids[i], "?");
        }
        return names;
    }

    DumpClass classOf(int object) {
        return classes.get(types[object]);
    }

    /** The class with this name, or null (the first, if loaders define it more than once). */
    DumpClass classNamed(String name) {
        for (DumpClass type : classes) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** An instance's field bytes, read again from the file. */
    byte[] instanceFields(int object) throws IOException {
        records.seek(positions[object] + 1 + idSize + 4 + idSize);
        return records.bytes(records.u4());
    }

    /** An object array's element ids, read again from the file. */
    long[] elements(int object) throws IOException {
        records.seek(positions[object] + 1 + idSize + 4 + 4 + idSize);
        long[] out = new long[lengths[object]];
        for (int i = 0; i < out.length; i++) {
            out[i] = records.id();
        }
        return out;
    }

    /** A primitive array's values as the dump holds them (big-endian), read again from the file. */
    byte[] primitiveValues(int object) throws IOException {
        records.seek(positions[object] + 1 + idSize + 4 + 4 + 1);
        return records.bytes(lengths[object] * HprofRecords.valueSize(types[object], idSize));
    }

    /** The id at {@code offset} of an instance's field bytes. */
    long idAt(byte[] fields, int offset) {
        long id = 0;
        for (int i = 0; i < idSize; i++) {
            id = id << 8 | (fields[offset + i] & 0xFF);
        }
        return id;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}

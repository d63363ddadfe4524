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
 * A heap dump as plain arrays, read in two sequential passes: the first numbers every object in
 * file order (its id, where its record is, its class or element type, its length) and keeps the
 * classes, names and GC roots; the second reads each object's strong references as the numbers
 * of the objects they point at, in one array of edges ({@link #edgeStart}). A few records (the
 * registry's entries, thread names, the steps of the paths printed) are read again by position.
 */
final class DumpGraph implements Closeable {
    static final byte INSTANCE = 0;
    static final byte OBJECT_ARRAY = 1;
    static final byte PRIMITIVE_ARRAY = 2;
    static final byte CLASS = 3;

    /** Sequential passes read 4 MB at a time; the few records read again, 64 kB. */
    private static final int PASS_BUFFER = 4 << 20;
    private static final int RECORD_BUFFER = 64 << 10;

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

    /** Reads the dump: both passes. */
    static DumpGraph read(Path file) throws IOException {
        Map<Long, String> strings = new HashMap<>();
        Map<Long, Long> classNames = new HashMap<>();
        List<HprofRecords.ClassRecord> classRecords = new ArrayList<>();
        DumpGraph graph = new DumpGraph(new HprofInput(file, RECORD_BUFFER));
        try {
            try (HprofInput in = new HprofInput(file, PASS_BUFFER)) {
                graph.numberObjects(in, strings, classNames, classRecords);
            }
            graph.resolve(strings, classNames, classRecords);
            graph.index = new IdIndex(graph.ids, graph.count);
            try (HprofInput in = new HprofInput(file, PASS_BUFFER)) {
                graph.readEdges(in, new ClassLayouts(graph));
            }
            return graph;
        } catch (IOException | RuntimeException | Error e) {
            graph.close();
            throw e;
        }
    }

    /** Pass one: every object numbered, classes, names and roots kept. */
    private void numberObjects(HprofInput in, Map<Long, String> strings, Map<Long, Long> classNames,
                               List<HprofRecords.ClassRecord> classRecords) throws IOException {
        // About one object per 150 bytes of dump; the arrays grow when there are more.
        grow((int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, in.size() / 150)));
        HprofRecords.read(in, new HprofRecords.Visitor() {
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
                add(record.id(), position, CLASS, classNumber(record.id()), 0);
            }

            @Override
            public void instance(long position, long id, long classId, int length, HprofInput input) {
                add(id, position, INSTANCE, classNumber(classId), 0);
            }

            @Override
            public void objectArray(long position, long id, long arrayClassId, int length, HprofInput input) {
                add(id, position, OBJECT_ARRAY, classNumber(arrayClassId), length);
            }

            @Override
            public void primitiveArray(long position, long id, int elementType, int length) {
                add(id, position, PRIMITIVE_ARRAY, elementType, length);
            }
        });
        idSize = in.idSize();
        records.idSize(idSize);
    }

    private void grow(int size) {
        ids = ids == null ? new long[size] : Arrays.copyOf(ids, size);
        positions = positions == null ? new long[size] : Arrays.copyOf(positions, size);
        kinds = kinds == null ? new byte[size] : Arrays.copyOf(kinds, size);
        types = types == null ? new int[size] : Arrays.copyOf(types, size);
        lengths = lengths == null ? new int[size] : Arrays.copyOf(lengths, size);
    }

    private void add(long id, long position, byte kind, int type, int length) {
        if (count == ids.length) {
            grow((int) Math.min(Integer.MAX_VALUE - 8, count + (count >> 1) + 16L));
        }
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

    /** Names and fields of the classes, from the records of pass one. */
    private void resolve(Map<Long, String> strings, Map<Long, Long> classNames, List<HprofRecords.ClassRecord> classRecords) {
        for (HprofRecords.ClassRecord record : classRecords) {
            DumpClass type = classes.get(classNumbers.get(record.id()));
            type.superId = record.superId();
            Integer superNumber = record.superId() == 0 ? null : classNumbers.get(record.superId());
            type.superNumber = superNumber == null ? -1 : superNumber;
            type.staticNames = names(record.staticNames(), strings);
            type.staticTypes = record.staticTypes();
            type.staticValues = record.staticValues();
            type.fieldNames = names(record.fieldNames(), strings);
            type.fieldTypes = record.fieldTypes();
        }
        for (DumpClass type : classes) {
            Long nameId = classNames.get(type.id);
            String name = nameId == null ? null : strings.get(nameId);
            if (name != null) {
                type.name = DumpClass.javaName(name);
            }
        }
    }

    private static String[] names(long[] ids, Map<Long, String> strings) {
        String[] names = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            names[i] = strings.getOrDefault(ids[i], "?");
        }
        return names;
    }

    /** Pass two: the strong references of every object, as object numbers. */
    private void readEdges(HprofInput in, ClassLayouts layouts) throws IOException {
        long bound = 0;
        for (int n = 0; n < count; n++) {
            if (kinds[n] == INSTANCE) {
                bound += layouts.of(types[n]).offsets.length;
            } else if (kinds[n] == OBJECT_ARRAY) {
                bound += lengths[n];
            }
        }
        if (bound > Integer.MAX_VALUE - 8) {
            throw new IOException(in.file() + " holds more than 2^31 references; leaktrace's paths read smaller dumps");
        }
        edges = new int[(int) bound];
        edgeStart = new int[count + 1];
        int[] at = {0, 0}; // the object, the edge
        HprofRecords.read(in, new HprofRecords.Visitor() {
            @Override
            public void classDump(long position, HprofRecords.ClassRecord record) {
                edgeStart[at[0]++] = at[1];
            }

            @Override
            public void instance(long position, long id, long classId, int length, HprofInput input) throws IOException {
                int n = at[0]++;
                edgeStart[n] = at[1];
                int[] offsets = layouts.of(types[n]).offsets;
                if (offsets.length == 0) {
                    return;
                }
                input.need(length);
                int e = at[1];
                for (int offset : offsets) {
                    long target = input.idAt(offset);
                    if (target != 0) {
                        int child = index.of(target);
                        if (child >= 0) {
                            edges[e++] = child;
                        }
                    }
                }
                at[1] = e;
            }

            @Override
            public void objectArray(long position, long id, long arrayClassId, int length, HprofInput input)
                    throws IOException {
                int n = at[0]++;
                edgeStart[n] = at[1];
                int e = at[1];
                for (int i = 0; i < length; i++) {
                    long target = input.id();
                    if (target != 0) {
                        int child = index.of(target);
                        if (child >= 0) {
                            edges[e++] = child;
                        }
                    }
                }
                at[1] = e;
            }

            @Override
            public void primitiveArray(long position, long id, int elementType, int length) {
                edgeStart[at[0]++] = at[1];
            }
        });
        if (at[0] != count) {
            throw new IOException(in.file() + " changed while it was read: " + count + " objects, then " + at[0]);
        }
        edgeStart[count] = at[1];
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

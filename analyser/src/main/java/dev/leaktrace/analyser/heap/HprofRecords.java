package dev.leaktrace.analyser.heap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One sequential pass over an HPROF file (the format of the JDK's heap dumps, documented with
 * its {@code HeapDumper}), handing each record that paths need to a {@link Visitor}. The visitor
 * may read an object's body from the input; the pass then goes on after the record whatever it read.
 */
final class HprofRecords {
    /** The GC root kinds, by their sub-record tags. */
    static final int ROOT_UNKNOWN = 0xFF;
    static final int ROOT_JNI_GLOBAL = 0x01;
    static final int ROOT_JNI_LOCAL = 0x02;
    static final int ROOT_JAVA_FRAME = 0x03;
    static final int ROOT_NATIVE_STACK = 0x04;
    static final int ROOT_STICKY_CLASS = 0x05;
    static final int ROOT_THREAD_BLOCK = 0x06;
    static final int ROOT_MONITOR_USED = 0x07;
    static final int ROOT_THREAD_OBJECT = 0x08;

    /** The basic type of a field or primitive array element. */
    static final int OBJECT = 2;

    interface Visitor {
        /** The header: ids are {@code idSize} bytes. */
        default void header(int idSize) {
        }

        default void string(long id, String text) {
        }

        default void loadClass(long classId, long nameId) {
        }

        /** @param threadSerial the thread the root belongs to, or -1 */
        default void root(int kind, long id, int threadSerial) {
        }

        default void classDump(long position, ClassRecord record) {
        }

        /** The input is at the instance's field bytes, {@code length} of them. */
        void instance(long position, long id, long classId, int length, HprofInput in) throws IOException;

        /** The input is at the array's element ids, {@code length} of them. */
        void objectArray(long position, long id, long arrayClassId, int length, HprofInput in) throws IOException;

        void primitiveArray(long position, long id, int elementType, int length);
    }

    /** A CLASS_DUMP record: the class's static fields with their values, and its instance fields. */
    record ClassRecord(long id, long superId, long[] staticNames, byte[] staticTypes, long[] staticValues,
                       long[] fieldNames, byte[] fieldTypes) {
    }

    private HprofRecords() {
    }

    /** Reads the header (the id size goes to the input), then every record, in file order. */
    static void read(HprofInput in, Visitor visitor) throws IOException {
        in.seek(0);
        StringBuilder format = new StringBuilder();
        while (in.position() < in.size() && format.length() <= 64) {
            int b = in.u1();
            if (b == 0) {
                break;
            }
            format.append((char) b);
        }
        if (!format.toString().startsWith("JAVA PROFILE ")) {
            throw new IOException(in.file() + " is not a heap dump (HPROF): it starts with '"
                    + format.substring(0, Math.min(20, format.length())) + "'");
        }
        int idSize = in.u4();
        if (idSize != 4 && idSize != 8) {
            throw new IOException(in.file() + ": ids of " + idSize + " bytes; a heap dump has 4 or 8");
        }
        in.idSize(idSize);
        visitor.header(idSize);
        in.u8(); // time stamp
        while (in.position() < in.size()) {
            int tag = in.u1();
            in.u4(); // time
            long length = in.u4() & 0xFFFFFFFFL;
            long end = in.position() + length;
            if (end > in.size()) {
                throw new IOException(in.file() + " ends at byte " + in.size() + ", inside a record of "
                        + length + " bytes at byte " + (in.position() - 9)
                        + ": the heap dump is truncated (was it still being written?)");
            }
            switch (tag) {
                case 0x01 -> visitor.string(in.id(), new String(in.bytes((int) (length - idSize)), StandardCharsets.UTF_8));
                case 0x02 -> {
                    in.u4(); // class serial
                    long classId = in.id();
                    in.u4(); // stack trace serial
                    visitor.loadClass(classId, in.id());
                }
                case 0x0C, 0x1C -> heapDump(in, end, visitor);
                default -> {
                    // frames, traces, heap dump ends, ...: nothing a path needs
                }
            }
            in.seek(end);
        }
    }

    private static void heapDump(HprofInput in, long end, Visitor visitor) throws IOException {
        int idSize = in.idSize();
        while (in.position() < end) {
            long position = in.position();
            int tag = in.u1();
            switch (tag) {
                case ROOT_UNKNOWN, ROOT_STICKY_CLASS, ROOT_MONITOR_USED -> visitor.root(tag, in.id(), -1);
                case ROOT_JNI_GLOBAL -> {
                    long id = in.id();
                    in.id(); // the JNI global reference's own id
                    visitor.root(tag, id, -1);
                }
                case ROOT_JNI_LOCAL, ROOT_JAVA_FRAME -> {
                    long id = in.id();
                    int thread = in.u4();
                    in.u4(); // frame number
                    visitor.root(tag, id, thread);
                }
                case ROOT_NATIVE_STACK, ROOT_THREAD_BLOCK -> {
                    long id = in.id();
                    visitor.root(tag, id, in.u4());
                }
                case ROOT_THREAD_OBJECT -> {
                    long id = in.id();
                    int thread = in.u4();
                    in.u4(); // stack trace serial
                    visitor.root(tag, id, thread);
                }
                case 0x20 -> visitor.classDump(position, classDump(in));
                case 0x21 -> {
                    long id = in.id();
                    in.u4(); // stack trace serial
                    long classId = in.id();
                    int length = in.u4();
                    long body = in.position();
                    visitor.instance(position, id, classId, length, in);
                    in.seek(body + length);
                }
                case 0x22 -> {
                    long id = in.id();
                    in.u4();
                    int length = in.u4();
                    long classId = in.id();
                    long body = in.position();
                    visitor.objectArray(position, id, classId, length, in);
                    in.seek(body + (long) length * idSize);
                }
                case 0x23 -> {
                    long id = in.id();
                    in.u4();
                    int length = in.u4();
                    int type = in.u1();
                    visitor.primitiveArray(position, id, type, length);
                    in.skip((long) length * valueSize(type, idSize));
                }
                default -> throw new IOException(in.file() + ": unknown heap dump record 0x" + Integer.toHexString(tag)
                        + " at byte " + position + "; leaktrace reads the HotSpot JVM's dumps (jcmd GC.heap_dump)");
            }
        }
    }

    private static ClassRecord classDump(HprofInput in) throws IOException {
        int idSize = in.idSize();
        long id = in.id();
        in.u4(); // stack trace serial
        long superId = in.id();
        for (int i = 0; i < 5; i++) {
            in.id(); // loader, signers, protection domain, two reserved
        }
        in.u4(); // instance size
        int constants = in.u2();
        for (int i = 0; i < constants; i++) {
            in.u2();
            in.skip(valueSize(in.u1(), idSize));
        }
        int statics = in.u2();
        long[] staticNames = new long[statics];
        byte[] staticTypes = new byte[statics];
        long[] staticValues = new long[statics];
        for (int i = 0; i < statics; i++) {
            staticNames[i] = in.id();
            int type = in.u1();
            staticTypes[i] = (byte) type;
            if (type == OBJECT) {
                staticValues[i] = in.id();
            } else {
                in.skip(valueSize(type, idSize));
            }
        }
        int fields = in.u2();
        long[] fieldNames = new long[fields];
        byte[] fieldTypes = new byte[fields];
        for (int i = 0; i < fields; i++) {
            fieldNames[i] = in.id();
            fieldTypes[i] = (byte) in.u1();
        }
        return new ClassRecord(id, superId, staticNames, staticTypes, staticValues, fieldNames, fieldTypes);
    }

    /** The bytes of one value of a basic type. */
    static int valueSize(int type, int idSize) {
        return switch (type) {
            case OBJECT -> idSize;
            case 4, 8 -> 1; // boolean, byte
            case 5, 9 -> 2; // char, short
            case 6, 10 -> 4; // float, int
            case 7, 11 -> 8; // double, long
            default -> throw new IllegalArgumentException("unknown field type " + type + " in the heap dump");
        };
    }

    /** How a path names a primitive array's type: {@code byte[]}, ... */
    static String primitiveArrayName(int type) {
        return switch (type) {
            case 4 -> "boolean[]";
            case 5 -> "char[]";
            case 6 -> "float[]";
            case 7 -> "double[]";
            case 8 -> "byte[]";
            case 9 -> "short[]";
            case 10 -> "int[]";
            case 11 -> "long[]";
            default -> throw new IllegalArgumentException("unknown array type " + type + " in the heap dump");
        };
    }
}

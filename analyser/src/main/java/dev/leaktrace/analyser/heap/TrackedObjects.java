package dev.leaktrace.analyser.heap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;
import shark.HprofRecord.HeapDumpRecord.ObjectRecord.PrimitiveArrayDumpRecord.ByteArrayDump;

/**
 * The traced objects alive in a dump, found by identity: the agent's registry keeps one
 * {@code TrackedRef} per live object, a weak reference whose {@code id} is the object's id in the
 * log, and whose {@code type} and {@code site} are the tokens of its @ALLOCATE line.
 */
final class TrackedObjects {
    static final String ENTRY_CLASS = "dev.leaktrace.bootstrap.TrackedRef";

    /**
     * One traced object in the dump: its id, the tokens of its group, its index in the dump, and
     * whether its drop ran already (it is released, yet still in the dump).
     */
    record Tracked(long id, String type, String site, int index, boolean released) {
        String group() {
            return type + " " + site;
        }
    }

    private TrackedObjects() {
    }

    /**
     * Every traced object in the dump, by id: the live ones, and the released ones the agent still
     * watches ({@code paths: N}); empty when the dumped JVM was not traced.
     */
    static List<Tracked> in(HeapGraph graph, ObjectIndex index) {
        List<Tracked> found = new ArrayList<>();
        HeapClass entries = graph.findClassByName(ENTRY_CLASS);
        if (entries == null) {
            return found;
        }
        for (Iterator<HeapInstance> it = entries.getInstances().iterator(); it.hasNext(); ) {
            HeapInstance entry = it.next();
            Long id = value(entry, ENTRY_CLASS, "id").getAsLong();
            Integer state = value(entry, ENTRY_CLASS, "state").getAsInt();
            HeapField referent = entry.readField("java.lang.ref.Reference", "referent");
            if (id == null || id <= 0 || state == null || referent == null
                    || !referent.getValue().isNonNullReference()) {
                continue; // never recorded (its constructor threw), already reported, or collected
            }
            int object = index.indexOf(referent.getValue().getAsObjectId());
            HeapInstance info = value(entry, ENTRY_CLASS, "type").getAsObject() instanceof HeapInstance i ? i : null;
            String type = info == null ? null : bytes(info.readField("dev.leaktrace.bootstrap.TypeInfo", "nameBytes"));
            String site = bytes(entry.readField(ENTRY_CLASS, "site"));
            if (object >= 0 && type != null && site != null) {
                found.add(new Tracked(id, type, site, object, !isLive(state)));
            }
        }
        found.sort((a, b) -> Long.compare(a.id(), b.id()));
        return found;
    }

    /** TrackedRef's states of a live object: LIVE, SHOWN and SHOWING (the ended ones are ENDED and ENDED_SHOWN). */
    private static boolean isLive(int state) {
        return state == 0 || state == 2 || state == 3;
    }

    private static shark.HeapValue value(HeapInstance entry, String owner, String field) {
        HeapField f = entry.readField(owner, field);
        if (f == null) {
            throw new IllegalStateException("the heap dump's " + owner + " has no field '" + field
                    + "': it was written by another version of leaktrace");
        }
        return f.getValue();
    }

    private static String bytes(HeapField field) {
        if (field == null || !(field.getValue().getAsObject() instanceof HeapObject.HeapPrimitiveArray array)) {
            return null;
        }
        if (!(array.readRecord() instanceof ByteArrayDump dump)) {
            return null;
        }
        return new String(dump.getArray(), StandardCharsets.UTF_8);
    }
}

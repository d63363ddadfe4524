package dev.leaktrace.analyser.heap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The traced objects alive in a dump, found by identity: the agent's registry keeps one
 * {@code TrackedRef} per live object, a weak reference whose {@code id} is the object's id in the
 * log, and whose {@code type} and {@code site} are the tokens of its @ALLOCATE line.
 */
final class TrackedObjects {
    static final String ENTRY_CLASS = "dev.leaktrace.bootstrap.TrackedRef";
    private static final String TYPE_INFO = "dev.leaktrace.bootstrap.TypeInfo";

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
    static List<Tracked> in(DumpGraph graph, ClassLayouts layouts) throws IOException {
        List<Tracked> found = new ArrayList<>();
        DumpClass entries = graph.classNamed(ENTRY_CLASS);
        if (entries == null) {
            return found;
        }
        for (String field : new String[] {"id", "state", "type", "site"}) {
            if (layouts.field(entries.number, ENTRY_CLASS, field) == null) {
                throw new IllegalStateException("the heap dump's " + ENTRY_CLASS + " has no field '" + field
                        + "': it was written by another version of leaktrace");
            }
        }
        for (int n = 0; n < graph.count; n++) {
            if (graph.kinds[n] != DumpGraph.INSTANCE || graph.types[n] != entries.number) {
                continue;
            }
            DumpInstance entry = DumpInstance.read(graph, layouts, n);
            Long id = entry.number(ENTRY_CLASS, "id");
            Long state = entry.number(ENTRY_CLASS, "state");
            int object = entry.object("java.lang.ref.Reference", "referent");
            if (id == null || id <= 0 || state == null || object < 0) {
                continue; // never recorded (its constructor threw), already reported, or collected
            }
            DumpInstance info = DumpInstance.read(graph, layouts, entry.object(ENTRY_CLASS, "type"));
            String type = info == null ? null : text(info.bytes(TYPE_INFO, "nameBytes"));
            String site = text(entry.bytes(ENTRY_CLASS, "site"));
            if (type != null && site != null) {
                found.add(new Tracked(id, type, site, object, !isLive(state.intValue())));
            }
        }
        found.sort((a, b) -> Long.compare(a.id(), b.id()));
        return found;
    }

    /** TrackedRef's states of a live object: LIVE, SHOWN and SHOWING (the ended ones are ENDED and ENDED_SHOWN). */
    private static boolean isLive(int state) {
        return state == 0 || state == 2 || state == 3;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}

package dev.leaktrace.analyser.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where strong paths start, in the order a tie between equally short paths is broken: static
 * fields first (each class's, as JFR and MAT count them: what a user can name and fix), then
 * threads, their stacks, JNI globals and the rest of the dump's GC roots. A root is the object it
 * points at, with a label: {@code static:Class.field}, {@code thread:NAME}, {@code stack:NAME},
 * {@code jni-global}, ... Classes loaded by the boot loader are not roots by themselves: their
 * statics are.
 */
final class Roots {
    final List<Integer> objects = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    private final DumpGraph graph;

    private Roots(DumpGraph graph) {
        this.graph = graph;
    }

    static Roots of(DumpGraph graph, ClassLayouts layouts) throws IOException {
        Roots roots = new Roots(graph);
        List<DumpClass> classes = new ArrayList<>(graph.classes);
        classes.sort(Comparator.comparingLong((DumpClass c) -> c.id));
        for (DumpClass type : classes) {
            if (ClassLayouts.isAgentClass(type.name)) {
                continue;
            }
            for (int i = 0; i < type.staticTypes.length; i++) {
                if (type.staticTypes[i] == HprofRecords.OBJECT && type.staticValues[i] != 0) {
                    roots.add(type.staticValues[i], "static:" + type.name + "." + type.staticNames[i]);
                }
            }
        }
        Map<Integer, String> threadNames = threadNames(graph, layouts);
        for (int r = 0; r < graph.rootCount; r++) {
            if (graph.rootKinds[r] == HprofRecords.ROOT_THREAD_OBJECT) {
                roots.add(graph.rootIds[r], "thread:" + threadNames.getOrDefault(graph.rootThreads[r], "?"));
            }
        }
        for (int r = 0; r < graph.rootCount; r++) {
            int kind = graph.rootKinds[r] & 0xFF;
            if (kind != HprofRecords.ROOT_THREAD_OBJECT && kind != HprofRecords.ROOT_STICKY_CLASS) {
                roots.add(graph.rootIds[r], label(kind, threadNames.getOrDefault(graph.rootThreads[r], "?")));
            }
        }
        return roots;
    }

    private void add(long id, String label) {
        int number = id == 0 ? -1 : graph.index.of(id);
        if (number >= 0) {
            objects.add(number);
            labels.add(label);
        }
    }

    private static String label(int kind, String thread) {
        return switch (kind) {
            case HprofRecords.ROOT_JAVA_FRAME -> "stack:" + thread;
            case HprofRecords.ROOT_JNI_LOCAL -> "jni-local:" + thread;
            case HprofRecords.ROOT_NATIVE_STACK -> "native-stack:" + thread;
            case HprofRecords.ROOT_JNI_GLOBAL -> "jni-global";
            case HprofRecords.ROOT_MONITOR_USED -> "monitor";
            case HprofRecords.ROOT_THREAD_BLOCK -> "thread-block";
            default -> "unknown";
        };
    }

    /** Thread names by the dump's thread serial numbers. */
    private static Map<Integer, String> threadNames(DumpGraph graph, ClassLayouts layouts) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        for (int r = 0; r < graph.rootCount; r++) {
            if (graph.rootKinds[r] == HprofRecords.ROOT_THREAD_OBJECT && graph.rootIds[r] != 0) {
                DumpInstance thread = DumpInstance.read(graph, layouts, graph.index.of(graph.rootIds[r]));
                String name = thread == null ? null : thread.string("java.lang.Thread", "name");
                if (name != null) {
                    names.put(graph.rootThreads[r], name);
                }
            }
        }
        return names;
    }
}

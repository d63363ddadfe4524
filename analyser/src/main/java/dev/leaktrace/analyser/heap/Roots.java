package dev.leaktrace.analyser.heap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import shark.GcRoot;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;

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
    private final ObjectIndex index;

    private Roots(ObjectIndex index) {
        this.index = index;
    }

    static Roots of(HeapGraph graph, ObjectIndex index) {
        Roots roots = new Roots(index);
        for (Iterator<HeapClass> it = graph.getClasses().iterator(); it.hasNext(); ) {
            HeapClass type = it.next();
            if (ClassLayouts.isAgentClass(type.getName())) {
                continue;
            }
            for (Iterator<HeapField> fields = type.readStaticFields().iterator(); fields.hasNext(); ) {
                HeapField field = fields.next();
                HeapObject value = field.getValue().isNonNullReference() ? field.getValue().getAsObject() : null;
                if (value != null) {
                    roots.add(value, "static:" + type.getName() + "." + field.getName());
                }
            }
        }
        Map<Integer, String> threadNames = threadNames(graph);
        List<GcRoot> others = new ArrayList<>();
        for (GcRoot root : graph.getGcRoots()) {
            if (root instanceof GcRoot.ThreadObject thread) {
                HeapObject object = graph.findObjectByIdOrNull(thread.getId());
                if (object != null) {
                    roots.add(object, "thread:" + threadNames.getOrDefault(thread.getThreadSerialNumber(), "?"));
                }
            } else {
                others.add(root);
            }
        }
        for (GcRoot root : others) {
            HeapObject object = graph.findObjectByIdOrNull(root.getId());
            if (object == null || root instanceof GcRoot.StickyClass) {
                continue;
            }
            roots.add(object, label(root, threadNames));
        }
        return roots;
    }

    private void add(HeapObject object, String label) {
        int number = index.indexOf(object.getObjectId());
        if (number >= 0) {
            objects.add(number);
            labels.add(label);
        }
    }

    private static String label(GcRoot root, Map<Integer, String> threadNames) {
        if (root instanceof GcRoot.JavaFrame frame) {
            return "stack:" + threadNames.getOrDefault(frame.getThreadSerialNumber(), "?");
        }
        if (root instanceof GcRoot.JniLocal local) {
            return "jni-local:" + threadNames.getOrDefault(local.getThreadSerialNumber(), "?");
        }
        if (root instanceof GcRoot.NativeStack stack) {
            return "native-stack:" + threadNames.getOrDefault(stack.getThreadSerialNumber(), "?");
        }
        if (root instanceof GcRoot.JniGlobal) {
            return "jni-global";
        }
        if (root instanceof GcRoot.MonitorUsed) {
            return "monitor";
        }
        // VmInternal, ThreadBlock, Unknown, ...: the kind's name, as the dump gives it.
        return root.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Thread names by the dump's thread serial numbers. */
    private static Map<Integer, String> threadNames(HeapGraph graph) {
        Map<Integer, String> names = new HashMap<>();
        for (GcRoot root : graph.getGcRoots()) {
            if (root instanceof GcRoot.ThreadObject thread) {
                HeapObject object = graph.findObjectByIdOrNull(thread.getId());
                if (object instanceof HeapInstance instance) {
                    HeapField name = instance.readField("java.lang.Thread", "name");
                    String text = name == null ? null : name.getValue().readAsJavaString();
                    if (text != null) {
                        names.put(thread.getThreadSerialNumber(), text);
                    }
                }
            }
        }
        return names;
    }
}

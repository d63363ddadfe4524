package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * What holds some objects of a leaked group, from a heap dump: a GC root and the classes of the
 * objects on the strongest (shortest) path from it, repeats run together.
 *
 * @param root     {@code static:Class.field}, {@code thread:NAME}, {@code stack:NAME}, {@code jni-global}, ...
 *                 or {@code none} when no strong path reaches the objects (garbage, or weak references only)
 * @param classes  the objects on the way, from the root's down to the one holding the leaked objects
 * @param count    objects of the group held so
 * @param retainedBytes what releasing them would free
 */
public record Holder(String root, List<String> classes, long count, long retainedBytes) {
    /** {@code Prover.INDEX_CACHE → java.util.HashMap → ...}: the root as a user names it, then the classes. */
    public String describe() {
        StringBuilder text = new StringBuilder(rootName(root));
        for (String type : classes) {
            text.append(" → ").append(type);
        }
        return text.toString();
    }

    /** The root without its kind for a static field, which names itself; with it otherwise. */
    static String rootName(String root) {
        if (root.startsWith("static:")) {
            return root.substring("static:".length());
        }
        if (root.equals("none")) {
            return "no strong path (garbage not collected yet, or weak or soft references only)";
        }
        return root.replaceFirst(":", " ");
    }

    /** The key that tells two holders apart: the root and the classes. */
    public String key() {
        return root + " " + String.join(" ", classes);
    }
}

package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * One leaked object's path from a GC root, from a heap dump.
 *
 * @param steps the reference followed out of each object on the way: {@code Class.field} or {@code Type[][index]}
 */
public record ObjectPath(long id, String root, List<String> steps) {
    public String describe() {
        StringBuilder text = new StringBuilder(Holder.rootName(root));
        for (String step : steps) {
            text.append(" → ").append(step);
        }
        return text.toString();
    }
}

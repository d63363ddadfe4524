package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.HeapFindings;
import dev.leaktrace.analyser.result.Holder;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.ObjectPath;
import dev.leaktrace.analyser.result.Printable;
import java.util.List;

/** The part of {@code leaks} that a heap dump adds: per leaked group, its retained size, holders and example paths. */
final class HoldersText {
    /** Paths printed per group; JSON has all the log holds. */
    private static final int PATHS_SHOWN = 1;

    private HoldersText() {
    }

    /** Empty when no group has heap findings. */
    static String of(List<LeakGroup> groups) {
        StringBuilder out = new StringBuilder();
        for (LeakGroup group : groups) {
            HeapFindings heap = group.heap();
            if (heap == null) {
                continue;
            }
            out.append("  ").append(Printable.of(group.type())).append(" at ").append(Printable.of(group.site()))
                    .append(": ").append(group.count()).append(" leaked, ").append(ByteUnits.human(group.bytes()))
                    .append(" by the config's size, retained ").append(ByteUnits.human(heap.retainedBytes()))
                    .append(" (").append(heap.retainedBytes()).append(" bytes, ").append(heap.objects())
                    .append(" in the heap dump)\n");
            long held = 0;
            for (Holder holder : heap.holders()) {
                held += holder.count();
                out.append("    ").append(holder.count()).append(" (retained ").append(ByteUnits.human(holder.retainedBytes()))
                        .append(") held by ").append(Printable.of(holder.describe())).append('\n');
            }
            if (held < heap.objects()) {
                out.append("    ").append(heap.objects() - held).append(" held elsewhere (fewer holders listed)\n");
            }
            for (ObjectPath path : heap.paths().subList(0, Math.min(PATHS_SHOWN, heap.paths().size()))) {
                out.append("    path of ").append(path.id()).append(": ").append(Printable.of(path.describe())).append('\n');
            }
        }
        if (out.length() == 0) {
            return "";
        }
        return "\nWho holds them (from a heap dump; retained = what releasing them would free):\n" + out;
    }

    /** Objects dropped, yet still strongly reachable in the heap dump; empty when there are none. */
    static String reachable(List<LeakGroup> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nReleased but still reachable (dropped, yet strongly reachable; from a heap dump):\n");
        for (LeakGroup group : groups) {
            out.append("  ").append(Printable.of(group.type())).append(" at ").append(Printable.of(group.site()))
                    .append(": ").append(group.count()).append(" released, retained ").append(ByteUnits.human(group.bytes()))
                    .append(" (").append(group.bytes()).append(" bytes), e.g. id ").append(group.ids().get(0)).append('\n');
            for (Holder holder : group.heap().holders()) {
                out.append("    ").append(holder.count()).append(" (retained ").append(ByteUnits.human(holder.retainedBytes()))
                        .append(") held by ").append(Printable.of(holder.describe())).append('\n');
            }
        }
        return out.toString();
    }
}

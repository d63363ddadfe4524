package dev.leaktrace.junit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The failure message: leaked objects grouped by type and site, largest bytes first. */
final class LeakReport {
    /** Ids listed per group at most; the rest is counted. */
    static final int MAX_IDS = 10;

    private LeakReport() {
    }

    static String format(List<TracedObject> leaked) {
        Map<String, Group> groups = new LinkedHashMap<>();
        long bytes = 0;
        for (TracedObject o : leaked) {
            groups.computeIfAbsent(o.type() + ' ' + o.site(), k -> new Group(o.type(), o.site(), o.dropOnGc())).add(o);
            bytes += o.size();
        }
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparingLong((Group g) -> g.bytes).reversed()
                .thenComparing(Comparator.comparingInt((Group g) -> g.ids.size()).reversed())
                .thenComparing(g -> g.type)
                .thenComparing(g -> g.site));
        int typeWidth = 0;
        int amountWidth = 0;
        for (Group g : sorted) {
            typeWidth = Math.max(typeWidth, g.type.length());
            amountWidth = Math.max(amountWidth, g.amount().length());
        }
        StringBuilder b = new StringBuilder("leaktrace: ")
                .append(objects(leaked.size())).append(" (").append(bytes(bytes))
                .append(") leaked by this test (neither dropped nor collected):");
        for (Group g : sorted) {
            b.append("\n  ").append(pad(g.type, typeWidth)).append("  ").append(pad(g.amount(), amountWidth))
                    .append("  at ").append(g.site).append(" (").append(g.ids.size() == 1 ? "id " : "ids ");
            for (int i = 0; i < Math.min(MAX_IDS, g.ids.size()); i++) {
                b.append(i == 0 ? "" : ", ").append(g.ids.get(i));
            }
            if (g.ids.size() > MAX_IDS) {
                b.append(", ... ").append(g.ids.size() - MAX_IDS).append(" more");
            }
            b.append(')');
            if (g.dropOnGc) {
                b.append(", still reachable after a GC");
            }
        }
        return b.toString();
    }

    static String objects(long n) {
        return n == 1 ? "1 object" : n + " objects";
    }

    static String bytes(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static final class Group {
        final String type;
        final String site;
        final boolean dropOnGc;
        final List<Long> ids = new ArrayList<>();
        long bytes;

        Group(String type, String site, boolean dropOnGc) {
            this.type = type;
            this.site = site;
            this.dropOnGc = dropOnGc;
        }

        void add(TracedObject o) {
            ids.add(o.id());
            bytes += o.size();
        }

        String amount() {
            return objects(ids.size()) + ", " + bytes(bytes);
        }
    }
}

package dev.leaktrace.analyser.pair;

import dev.leaktrace.analyser.result.HeapFindings;
import dev.leaktrace.analyser.result.Holder;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.ObjectPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The @RETAINED, @HOLDER and @PATH lines of a log, by the group of the object each names; summed
 * over the files of an analysis, like the groups.
 */
final class HeapLines {
    /** Example paths kept per group, over all files. */
    static final int MAX_PATHS = 10;

    private static final class OfGroup {
        long objects;
        long retainedBytes;
        final Map<String, long[]> holders = new LinkedHashMap<>();
        final List<ObjectPath> paths = new ArrayList<>();
    }

    private final Map<Integer, OfGroup> byGroup = new HashMap<>();
    /** Released but still reachable, by {type, site}; their first example id beside. */
    private final Map<List<String>, OfGroup> reachable = new LinkedHashMap<>();
    private final Map<List<String>, Long> reachableExample = new HashMap<>();

    private OfGroup of(int group) {
        return byGroup.computeIfAbsent(group, g -> new OfGroup());
    }

    void retained(int group, long objects, long bytes) {
        OfGroup g = of(group);
        g.objects += objects;
        g.retainedBytes += bytes;
    }

    void holder(int group, long objects, long bytes, String words) {
        long[] amount = of(group).holders.computeIfAbsent(words, w -> new long[2]);
        amount[0] += objects;
        amount[1] += bytes;
    }

    void reachable(String type, String site, long id, long objects, long bytes, String words) {
        List<String> key = List.of(type, site);
        OfGroup g = reachable.computeIfAbsent(key, k -> new OfGroup());
        reachableExample.putIfAbsent(key, id);
        g.objects += objects;
        g.retainedBytes += bytes;
        long[] amount = g.holders.computeIfAbsent(words, w -> new long[2]);
        amount[0] += objects;
        amount[1] += bytes;
    }

    /** The released but still reachable groups, most retained first; count and bytes are the objects' and their retained bytes. */
    List<LeakGroup> reachable() {
        List<LeakGroup> groups = new ArrayList<>();
        for (Map.Entry<List<String>, OfGroup> entry : reachable.entrySet()) {
            OfGroup g = entry.getValue();
            groups.add(new LeakGroup(entry.getKey().get(0), entry.getKey().get(1), g.objects, g.retainedBytes,
                    List.of(reachableExample.get(entry.getKey())), null, List.of(), findings(g)));
        }
        groups.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return List.copyOf(groups);
    }

    void path(int group, long id, String words) {
        OfGroup g = of(group);
        if (g.paths.size() < MAX_PATHS) {
            List<String> all = Arrays.asList(words.split(" +"));
            g.paths.add(new ObjectPath(id, all.get(0), List.copyOf(all.subList(1, all.size()))));
        }
    }

    /** The findings of a group, most held first; null when no heap line named it. */
    HeapFindings of(int group, boolean leaked) {
        OfGroup g = byGroup.get(group);
        if (g == null || !leaked) {
            return null;
        }
        return findings(g);
    }

    private static HeapFindings findings(OfGroup g) {
        List<Holder> holders = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : g.holders.entrySet()) {
            List<String> words = Arrays.asList(entry.getKey().split(" +"));
            holders.add(new Holder(words.get(0), List.copyOf(words.subList(1, words.size())),
                    entry.getValue()[0], entry.getValue()[1]));
        }
        holders.sort((a, b) -> Long.compare(b.count(), a.count()));
        return new HeapFindings(g.objects, g.retainedBytes, List.copyOf(holders), List.copyOf(g.paths));
    }
}

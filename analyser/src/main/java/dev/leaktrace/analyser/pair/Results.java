package dev.leaktrace.analyser.pair;

import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.LeakStack;
import dev.leaktrace.analyser.result.Problems;
import dev.leaktrace.analyser.result.Saturating;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link Analysis} of what a {@link Pairing} kept: the leaked and collected groups and the leaked stacks, sorted. */
final class Results {
    private Results() {
    }

    static Analysis of(Pairing pairing, List<String> files, Problems problems) {
        GroupTable groups = pairing.groups;
        List<LeakGroup> leaked = new ArrayList<>();
        List<LeakGroup> collected = new ArrayList<>();
        long leakedCount = 0;
        long leakedBytes = 0;
        for (int group = 0; group < groups.size(); group++) {
            String type = pairing.types.name(groups.typeOf[group]);
            String site = pairing.sites.name(groups.siteOf[group]);
            if (groups.leakedCount[group] > 0) {
                leakedCount += groups.leakedCount[group];
                leakedBytes = Saturating.add(leakedBytes, groups.leakedBytes[group]);
                leaked.add(new LeakGroup(type, site, groups.leakedCount[group], groups.leakedBytes[group],
                        boxed(GroupTable.examples(groups.leakedIds[group])), pairing.trends[group],
                        pairing.librarySites.of(group, pairing.sites), pairing.heap.of(group, true)));
            }
            if (groups.collectedCount[group] > 0) {
                collected.add(new LeakGroup(type, site, groups.collectedCount[group], groups.collectedBytes[group],
                        boxed(GroupTable.examples(groups.collectedIds[group])), null,
                        pairing.librarySites.of(group, pairing.sites)));
            }
        }
        leaked.sort(new LargestFirst());
        collected.sort(new LargestFirst());
        return new Analysis(files, pairing.allocations, pairing.drops, pairing.collected, leakedCount, leakedBytes,
                List.copyOf(leaked), List.copyOf(collected), pairing.otherEvents, problems,
                List.copyOf(pairing.timelines), pairing.stackLines, stacks(pairing), pairing.counts.rows(),
                List.copyOf(pairing.sources), collectedStacks(pairing), pairing.heap.reachable());
    }

    /** The bytes collected without a drop, by stack; only objects that have one. */
    private static List<LeakStack> collectedStacks(Pairing pairing) {
        List<LeakStack> stacks = new ArrayList<>();
        for (Map.Entry<Long, long[]> entry : pairing.collectedByStack.entrySet()) {
            int stack = (int) (entry.getKey() >>> 32);
            int group = (int) (long) entry.getKey();
            stacks.add(new LeakStack(List.of(pairing.stacks.name(stack).split(";")),
                    pairing.types.name(pairing.groups.typeOf[group]), pairing.sites.name(pairing.groups.siteOf[group]),
                    entry.getValue()[0], entry.getValue()[1]));
        }
        stacks.sort(new LargestStackFirst());
        return List.copyOf(stacks);
    }

    /** The leaked bytes by stack; what the stacks of a group do not cover becomes one entry without frames. */
    private static List<LeakStack> stacks(Pairing pairing) {
        GroupTable groups = pairing.groups;
        long[] stackedCount = new long[groups.size()];
        long[] stackedBytes = new long[groups.size()];
        Map<Integer, List<String>> framesOf = new HashMap<>();
        List<LeakStack> stacks = new ArrayList<>();
        for (Map.Entry<Long, long[]> entry : pairing.leakedByStack.entrySet()) {
            int stack = (int) (entry.getKey() >>> 32);
            int group = (int) (long) entry.getKey();
            long count = entry.getValue()[0];
            long bytes = entry.getValue()[1];
            stackedCount[group] += count;
            stackedBytes[group] += bytes;
            List<String> frames = framesOf.get(stack);
            if (frames == null) {
                frames = List.of(pairing.stacks.name(stack).split(";"));
                framesOf.put(stack, frames);
            }
            stacks.add(new LeakStack(frames, pairing.types.name(groups.typeOf[group]),
                    pairing.sites.name(groups.siteOf[group]), count, bytes));
        }
        for (int group = 0; group < groups.size(); group++) {
            long count = groups.leakedCount[group] - stackedCount[group];
            if (count > 0) {
                stacks.add(new LeakStack(List.of(), pairing.types.name(groups.typeOf[group]),
                        pairing.sites.name(groups.siteOf[group]), count, groups.leakedBytes[group] - stackedBytes[group]));
            }
        }
        stacks.sort(new LargestStackFirst());
        return List.copyOf(stacks);
    }

    private static List<Long> boxed(long[] ids) {
        List<Long> list = new ArrayList<>(ids.length);
        for (long id : ids) {
            list.add(id);
        }
        return List.copyOf(list);
    }

    /**
     * Most bytes first, then most objects, then by type and site. A class, not a composition of
     * lambdas: the path of {@code leaks} has none, since the first ones cost start-up time
     * (docs/performance.md).
     */
    private static final class LargestFirst implements Comparator<LeakGroup> {
        @Override
        public int compare(LeakGroup a, LeakGroup b) {
            int order = Long.compare(b.bytes(), a.bytes());
            if (order == 0) {
                order = Long.compare(b.count(), a.count());
            }
            if (order == 0) {
                order = a.type().compareTo(b.type());
            }
            return order != 0 ? order : a.site().compareTo(b.site());
        }
    }

    /**
     * Most bytes first, then most objects; a known stack before the unknown rest of its site; then
     * by frames, type and site.
     */
    private static final class LargestStackFirst implements Comparator<LeakStack> {
        @Override
        public int compare(LeakStack a, LeakStack b) {
            int order = Long.compare(b.bytes(), a.bytes());
            if (order == 0) {
                order = Long.compare(b.count(), a.count());
            }
            if (order == 0) {
                order = Boolean.compare(!a.hasStack(), !b.hasStack());
            }
            if (order == 0) {
                order = String.join(";", a.frames()).compareTo(String.join(";", b.frames()));
            }
            if (order == 0) {
                order = a.type().compareTo(b.type());
            }
            return order != 0 ? order : a.site().compareTo(b.site());
        }
    }
}

package dev.leaktrace.analyser;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads logs in one pass each and turns them into an {@link Analysis}. */
public final class LogAnalyser {
    private final boolean strict;
    private final int batchSize;

    /** @param strict whether the first input problem is fatal ({@link StrictModeException}) */
    public LogAnalyser(boolean strict) {
        // With two cores, one reads and parses while the other pairs (PipelinedReader); with one,
        // a second thread would only add the cost of handing lines over.
        this(strict, Runtime.getRuntime().availableProcessors() >= 2 ? LineBatch.SIZE : 0);
    }

    /** @param batchSize the block size of a {@link PipelinedReader}, or 0 to read on this thread alone */
    LogAnalyser(boolean strict, int batchSize) {
        this.strict = strict;
        this.batchSize = batchSize;
    }

    public Analysis analyse(List<LogInput> inputs) throws LogReadException {
        for (LogInput input : inputs) {
            input.checkReadable();
        }
        Problems problems = new Problems(strict);
        Pairing pairing = new Pairing(problems);
        for (LogInput input : inputs) {
            read(input, pairing);
        }
        return result(inputs, pairing, problems);
    }

    private void read(LogInput input, Pairing pairing) throws LogReadException {
        pairing.beginFile(input.name());
        PipelinedReader pipelined = batchSize > 0 ? new PipelinedReader(batchSize) : null;
        LineReader reader = new LineReader();
        try (InputStream in = input.open()) {
            if (pipelined != null) {
                pipelined.read(in, pairing);
            } else {
                reader.read(in, pairing);
            }
        } catch (IOException e) {
            long linesRead = pipelined != null ? pipelined.linesRead() : reader.linesRead();
            if (linesRead == 0 && !(e instanceof java.io.EOFException)) {
                throw new LogReadException("cannot read " + input.name() + ": " + e.getMessage());
            }
            pairing.endedEarly(linesRead, String.valueOf(e.getMessage()));
        }
        pairing.endFile();
    }

    private static Analysis result(List<LogInput> inputs, Pairing pairing, Problems problems) {
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
                        boxed(GroupTable.examples(groups.leakedIds[group])), pairing.trends[group]));
            }
            if (groups.collectedCount[group] > 0) {
                collected.add(new LeakGroup(type, site, groups.collectedCount[group], groups.collectedBytes[group],
                        boxed(GroupTable.examples(groups.collectedIds[group])), null));
            }
        }
        leaked.sort(new LargestFirst());
        collected.sort(new LargestFirst());
        List<String> files = new ArrayList<>(inputs.size());
        for (LogInput input : inputs) {
            files.add(input.name());
        }
        return new Analysis(List.copyOf(files), pairing.allocations, pairing.drops, pairing.collected, leakedCount, leakedBytes,
                List.copyOf(leaked), List.copyOf(collected), pairing.otherEvents, problems,
                List.copyOf(pairing.timelines), pairing.stackLines, stacks(pairing));
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
     * Most bytes first, then most objects, then by type and site. The orders are classes rather
     * than composed of {@link Comparator}'s lambdas: a dozen lambdas cost every run of
     * {@code leaks} tens of milliseconds of start-up.
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

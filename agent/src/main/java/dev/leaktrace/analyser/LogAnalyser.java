package dev.leaktrace.analyser;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads logs in one pass each and turns them into an {@link Analysis}. */
public final class LogAnalyser {
    private static final Comparator<LeakGroup> LARGEST_FIRST = Comparator.comparingLong(LeakGroup::bytes).reversed()
            .thenComparing(Comparator.comparingLong(LeakGroup::count).reversed())
            .thenComparing(LeakGroup::type)
            .thenComparing(LeakGroup::site);

    private final boolean strict;

    /** @param strict whether the first input problem is fatal ({@link StrictModeException}) */
    public LogAnalyser(boolean strict) {
        this.strict = strict;
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

    private static void read(LogInput input, Pairing pairing) throws LogReadException {
        pairing.beginFile(input.name());
        LineReader reader = new LineReader();
        try (InputStream in = input.open()) {
            reader.read(in, pairing);
        } catch (IOException e) {
            if (reader.linesRead() == 0 && !(e instanceof java.io.EOFException)) {
                throw new LogReadException("cannot read " + input.name() + ": " + e.getMessage());
            }
            pairing.endedEarly(reader.linesRead(), String.valueOf(e.getMessage()));
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
                leakedBytes += groups.leakedBytes[group];
                leaked.add(new LeakGroup(type, site, groups.leakedCount[group], groups.leakedBytes[group],
                        boxed(GroupTable.examples(groups.leakedIds[group])), pairing.trends[group]));
            }
            if (groups.collectedCount[group] > 0) {
                collected.add(new LeakGroup(type, site, groups.collectedCount[group], groups.collectedBytes[group],
                        boxed(GroupTable.examples(groups.collectedIds[group])), null));
            }
        }
        leaked.sort(LARGEST_FIRST);
        collected.sort(LARGEST_FIRST);
        List<String> files = inputs.stream().map(LogInput::name).toList();
        return new Analysis(files, pairing.allocations, pairing.drops, pairing.collected, leakedCount, leakedBytes,
                List.copyOf(leaked), List.copyOf(collected), pairing.otherEvents, problems,
                List.copyOf(pairing.timelines));
    }

    private static List<Long> boxed(long[] ids) {
        List<Long> list = new ArrayList<>(ids.length);
        for (long id : ids) {
            list.add(id);
        }
        return List.copyOf(list);
    }
}

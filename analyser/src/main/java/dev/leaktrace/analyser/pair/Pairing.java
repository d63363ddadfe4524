package dev.leaktrace.analyser.pair;

import dev.leaktrace.analyser.parse.ByteInterner;
import dev.leaktrace.analyser.parse.EventLine;
import dev.leaktrace.analyser.parse.EventLineSink;
import dev.leaktrace.analyser.parse.LineKind;
import dev.leaktrace.analyser.parse.LogHeader;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LogSource;
import dev.leaktrace.analyser.result.Printable;
import dev.leaktrace.analyser.result.ProblemKind;
import dev.leaktrace.analyser.result.Problems;
import dev.leaktrace.analyser.result.Saturating;
import dev.leaktrace.analyser.result.Timeline;
import dev.leaktrace.analyser.result.Trend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each @DROP/@GC with its @ALLOCATE by id, keeping only the objects alive, and feeds the
 * sampler. One instance spans all files of an analysis; each file is its own id space. Lines come
 * in through {@link #line}, parsed, from whichever reader read the file.
 */
public final class Pairing implements EventLineSink {
    private final Problems problems;

    final ByteInterner types = new ByteInterner();
    final ByteInterner sites = new ByteInterner();
    final GroupTable groups = new GroupTable();
    /** Whole {@code frame;frame;...} texts of @STACK lines; many objects share one. */
    final ByteInterner stacks = new ByteInterner();
    private final LiveObjects live = new LiveObjects();
    private final StacksById stackOf = new StacksById();
    /** Leaked objects that have a stack, by {@code stack << 32 | group}: {count, bytes}, over all files. */
    final Map<Long, long[]> leakedByStack = new LinkedHashMap<>();
    /** The same for objects collected without a drop. */
    final Map<Long, long[]> collectedByStack = new LinkedHashMap<>();
    final LibrarySites librarySites = new LibrarySites();
    private long[] liveBytesByType = new long[64];
    private int[] lastGroupAtSite = new int[64]; // group + 1; 0 = none yet
    /** By {@link EventLine#siteKey key} of this file's reader: the site in {@link #sites}, + 1; 0 = not seen yet. */
    private int[] siteOfKey = new int[64];
    private final Trend[] noTrends = new Trend[0];
    Trend[] trends = noTrends;
    final List<Timeline> timelines = new ArrayList<>();
    final CountTable counts = new CountTable(types, sites);
    final List<LogSource> sources = new ArrayList<>();
    final HeapLines heap = new HeapLines();

    long allocations;
    long drops;
    long collected;
    long otherEvents;
    long stackLines;

    private String file;
    private LiveSampler sampler;
    private long ordinal;
    private LogHeader header;
    /** This file's trailer lines for config entries that matched no class (see {@link UnmatchedEntry}). */
    private List<String> unmatched = new ArrayList<>();
    /** The totals when this file began, so that its own can be told. */
    private long allocationsBefore;
    private long dropsBefore;
    private long collectedBefore;

    /** @param problems where bad input is counted, and under {@code --strict} made fatal */
    public Pairing(Problems problems) {
        this.problems = problems;
    }

    /** Starts a file: a new id space, and a new reader whose site keys start anew. */
    public void beginFile(String name) {
        file = name;
        ordinal = 0;
        header = null;
        unmatched = new ArrayList<>();
        allocationsBefore = allocations;
        dropsBefore = drops;
        collectedBefore = collected;
        sampler = new LiveSampler();
        live.clear();
        stackOf.clear();
        Arrays.fill(groups.live, 0);
        Arrays.fill(liveBytesByType, 0);
        Arrays.fill(siteOfKey, 0);
    }

    @Override
    public void line(byte[] b, long lineNumber, EventLine event) {
        switch (event.kind) {
            case LineKind.ALLOCATE -> allocate(b, lineNumber, event);
            case LineKind.DROP -> release(b, lineNumber, event, false);
            case LineKind.GC -> release(b, lineNumber, event, true);
            case LineKind.STACK -> {
                stack(b, lineNumber, event);
                return; // not an event of the timeline: it describes the allocation before it
            }
            case LineKind.LIBRARY -> {
                library(b, lineNumber, event);
                return; // the same
            }
            case LineKind.RETAINED, LineKind.HOLDER, LineKind.PATH -> {
                heapLine(b, lineNumber, event);
                return; // what a heap dump said of a live object: not an event either
            }
            case LineKind.REACHABLE -> {
                heap.reachable(text(b, event.typeStart, event.typeEnd), text(b, event.siteStart, event.siteEnd),
                        event.id, event.count, event.size, text(b, event.wordsStart, event.wordsEnd));
                return;
            }
            case LineKind.OTHER -> {
                otherEvents++;
                return;
            }
            case LineKind.COUNTS -> {
                counts(b, event);
                return;
            }
            case LineKind.HEADER -> {
                String text = new String(b, event.lineStart, event.lineEnd - event.lineStart, StandardCharsets.UTF_8);
                String entry = UnmatchedEntry.of(text);
                if (entry != null) {
                    unmatched.add(entry);
                } else if (header == null) { // the first: a log that was appended to keeps its first JVM
                    header = LogHeader.parse(new String(b, event.lineStart, event.lineEnd - event.lineStart,
                            StandardCharsets.UTF_8));
                }
                return;
            }
            case LineKind.MALFORMED -> {
                malformed(b, lineNumber, event);
                return;
            }
            default -> {
                return;
            }
        }
        ordinal++;
        sampler.tick(ordinal, groups.live, groups.size(), liveBytesByType, types.size());
    }

    /**
     * Adds the object of an @ALLOCATE line. One method, the site's lookup included, as it is larger
     * than the JIT inlines: compiled on its own, a rare branch it meets late (a table that grows)
     * makes the JIT compile it again, not the whole loop of the pairing (docs/performance.md).
     */
    private void allocate(byte[] b, long lineNumber, EventLine event) {
        allocations++;
        // The site by its reader's key, reading its bytes only on the first line of each key, or by
        // its bytes when the line has no key.
        int site;
        int key = event.siteKey;
        if (key < 0) {
            site = sites.intern(b, event.siteStart, event.siteEnd);
        } else {
            if (key >= siteOfKey.length) {
                siteOfKey = Arrays.copyOf(siteOfKey, Math.max(key + 1, siteOfKey.length * 2));
            }
            site = siteOfKey[key] - 1;
            if (site < 0) {
                site = sites.intern(b, event.siteStart, event.siteEnd);
                siteOfKey[key] = site + 1;
            }
        }
        if (site >= lastGroupAtSite.length) {
            lastGroupAtSite = Arrays.copyOf(lastGroupAtSite, Math.max(site + 1, lastGroupAtSite.length * 2));
        }
        // A site nearly always allocates one type, so comparing with its last group's type saves
        // hashing the type name and looking up the group on almost every line.
        int group = lastGroupAtSite[site] - 1;
        int type;
        if (group >= 0 && types.matches(groups.typeOf[group], b, event.typeStart, event.typeEnd)) {
            type = groups.typeOf[group];
        } else {
            type = types.intern(b, event.typeStart, event.typeEnd);
            group = groups.of(type, site);
            lastGroupAtSite[site] = group + 1;
        }
        if (type >= liveBytesByType.length) {
            liveBytesByType = Arrays.copyOf(liveBytesByType, Math.max(type + 1, liveBytesByType.length * 2));
        }
        int existing = live.find(event.id);
        if (existing >= 0) {
            if (problems.wantsMessage(ProblemKind.DUPLICATE_ID)) {
                problems.report(ProblemKind.DUPLICATE_ID, where(lineNumber) + "@ALLOCATE of id " + event.id
                        + ", which is already alive");
            } else {
                problems.report(ProblemKind.DUPLICATE_ID, null);
            }
            forget(existing);
        }
        live.put(event.id, group, event.size, ordinal + 1);
        groups.live[group]++;
        liveBytesByType[type] += event.size;
    }

    private void release(byte[] b, long lineNumber, EventLine event, boolean byGc) {
        int slot = live.find(event.id);
        String token = byGc ? "@GC" : "@DROP";
        if (slot < 0) {
            problems.report(ProblemKind.UNMATCHED_DROP, problems.wantsMessage(ProblemKind.UNMATCHED_DROP)
                    ? where(lineNumber) + token + " of id " + event.id + ", which is not alive" : null);
            return;
        }
        int group = live.groupAt(slot);
        int type = groups.typeOf[group];
        long size = live.sizeAt(slot);
        if (size != event.size || !types.matches(type, b, event.typeStart, event.typeEnd)) {
            problems.report(ProblemKind.MISMATCHED_DROP, problems.wantsMessage(ProblemKind.MISMATCHED_DROP)
                    ? where(lineNumber) + token + " of id " + event.id + " says "
                            + text(b, event.typeStart, event.typeEnd) + " " + event.size
                            + " bytes, but it was allocated as " + Printable.of(types.name(type)) + " " + size + " bytes"
                    : null);
        }
        if (byGc) {
            collected++;
            groups.addCollected(group, event.id, size);
            if (!stackOf.isEmpty()) {
                int stack = stackOf.get(event.id);
                if (stack >= 0) {
                    long[] amount = collectedByStack.computeIfAbsent((long) stack << 32 | group, k -> new long[2]);
                    amount[0]++;
                    amount[1] += size;
                }
            }
        } else {
            drops++;
        }
        forget(slot);
    }

    /** A @COUNTS line: the type and site's running totals, the last of which holds. */
    private void counts(byte[] b, EventLine event) {
        int type = types.intern(b, event.typeStart, event.typeEnd);
        int site = sites.intern(b, event.siteStart, event.siteEnd);
        counts.put(type, site, event.counts);
    }

    private void stack(byte[] b, long lineNumber, EventLine event) {
        if (live.find(event.id) < 0) {
            problems.report(ProblemKind.UNMATCHED_STACK, problems.wantsMessage(ProblemKind.UNMATCHED_STACK)
                    ? where(lineNumber) + "@STACK of id " + event.id + ", which is not alive" : null);
            return;
        }
        stackLines++;
        stackOf.put(event.id, stacks.intern(b, event.framesStart, event.framesEnd));
    }

    private void library(byte[] b, long lineNumber, EventLine event) {
        int slot = live.find(event.id);
        if (slot < 0) {
            problems.report(ProblemKind.UNMATCHED_LIBRARY, problems.wantsMessage(ProblemKind.UNMATCHED_LIBRARY)
                    ? where(lineNumber) + "@LIBRARY of id " + event.id + ", which is not alive" : null);
            return;
        }
        librarySites.add(live.groupAt(slot), sites.intern(b, event.siteStart, event.siteEnd));
    }

    private void heapLine(byte[] b, long lineNumber, EventLine event) {
        int slot = live.find(event.id);
        if (slot < 0) {
            problems.report(ProblemKind.UNMATCHED_HEAP_LINE, problems.wantsMessage(ProblemKind.UNMATCHED_HEAP_LINE)
                    ? where(lineNumber) + "@" + LineKind.name(event.kind) + " of id " + event.id + ", which is not alive"
                    : null);
            return;
        }
        int group = live.groupAt(slot);
        switch (event.kind) {
            case LineKind.RETAINED -> heap.retained(group, event.count, event.size);
            case LineKind.HOLDER -> heap.holder(group, event.count, event.size, text(b, event.wordsStart, event.wordsEnd));
            default -> heap.path(group, event.id, text(b, event.wordsStart, event.wordsEnd));
        }
    }

    private void forget(int slot) {
        if (!stackOf.isEmpty()) { // the only cost of stacks to a log without them
            stackOf.remove(live.idAt(slot));
        }
        int group = live.groupAt(slot);
        groups.live[group]--;
        liveBytesByType[groups.typeOf[group]] -= live.sizeAt(slot);
        live.removeAt(slot);
    }

    private void malformed(byte[] b, long lineNumber, EventLine event) {
        ProblemKind kind = event.terminated ? ProblemKind.MALFORMED_LINE : ProblemKind.TRUNCATED_LINE;
        String message = null;
        if (problems.wantsMessage(kind)) {
            String token = "@" + LineKind.name(event.token);
            String excerpt = excerpt(b, event.lineStart, event.lineEnd);
            message = event.terminated
                    ? where(lineNumber) + "malformed " + token + " line: " + event.error + ": " + excerpt
                    : where(lineNumber) + "the last line is cut off: " + excerpt;
        }
        problems.report(kind, message);
    }

    /** An I/O error part-way through the file, typically a truncated gzip. */
    public void endedEarly(long lastLine, String why) {
        problems.report(ProblemKind.TRUNCATED_FILE, file + ": the file ends early after line " + lastLine
                + " (" + why + "); was it cut off while being copied or compressed?");
    }

    /** Moves what is still alive into the leak totals and records this file's trends and timeline. */
    public void endFile() {
        sampler.finish(ordinal, groups.live, groups.size(), liveBytesByType, types.size());
        long[][] examples = firstAllocatedPerGroup();
        for (int group = 0; group < examples.length; group++) {
            for (long id : examples[group]) {
                if (id != 0) {
                    groups.addLeakedExample(group, id);
                }
            }
        }
        if (trends.length < groups.size()) {
            trends = Arrays.copyOf(trends, groups.size());
        }
        long[] ordinals = sampler.ordinals();
        for (int group = 0; group < groups.size(); group++) {
            if (groups.live[group] > 0) {
                trends[group] = Trend.stronger(trends[group],
                        TrendClassifier.classify(ordinals, sampler.liveCounts(group)));
            }
        }
        timelines.add(Timelines.of(file, ordinals, sampler, types));
        addLeakedStacks();
        long leakedCount = live.size();
        long leakedBytes = 0;
        for (int slot = 0; slot < live.capacity(); slot++) {
            if (live.idAt(slot) != 0) {
                leakedBytes = Saturating.add(leakedBytes, live.sizeAt(slot));
            }
        }
        live.clear();
        stackOf.clear();
        boolean survivors = (header != null && header.survivors()) || counts.fileHasCounts();
        if (counts.fileHasCounts()) {
            // Short-lived objects have no lines: the file's totals are its counts.
            long[] sums = counts.endFile();
            allocations = allocationsBefore + sums[0];
            drops = dropsBefore + sums[2];
            collected = collectedBefore + sums[4];
        }
        sources.add(new LogSource(file, header == null ? null : header.host(), header == null ? 0 : header.pid(),
                survivors, header == null ? 0 : header.survivorAgeMillis(), allocations - allocationsBefore,
                drops - dropsBefore, collected - collectedBefore, leakedCount, leakedBytes, List.copyOf(unmatched)));
    }

    /** The analysis of the files paired so far, named {@code files}. */
    public Analysis analysis(List<String> files) {
        return Results.of(this, files, problems);
    }

    /** What remains in {@link #stackOf} at the end of a file is the stacks of leaked objects. */
    private void addLeakedStacks() {
        for (int at = 0; at < stackOf.capacity(); at++) {
            long id = stackOf.idAt(at);
            if (id == 0) {
                continue;
            }
            int slot = live.find(id);
            long key = (long) stackOf.stackAt(at) << 32 | live.groupAt(slot);
            long[] amount = leakedByStack.computeIfAbsent(key, k -> new long[2]);
            amount[0]++;
            amount[1] += live.sizeAt(slot);
        }
    }

    /** Per group, the ids of its first allocated live objects, and the leak totals as a side effect. */
    private long[][] firstAllocatedPerGroup() {
        int n = groups.size();
        long[][] ids = new long[n][GroupTable.EXAMPLE_IDS];
        long[][] ordinals = new long[n][GroupTable.EXAMPLE_IDS];
        for (long[] row : ordinals) {
            Arrays.fill(row, Long.MAX_VALUE);
        }
        for (int slot = 0; slot < live.capacity(); slot++) {
            long id = live.idAt(slot);
            if (id == 0) {
                continue;
            }
            int group = live.groupAt(slot);
            groups.addLeaked(group, live.sizeAt(slot));
            long when = live.ordinalAt(slot);
            long[] groupOrdinals = ordinals[group];
            int at = GroupTable.EXAMPLE_IDS - 1;
            if (when >= groupOrdinals[at]) {
                continue;
            }
            while (at > 0 && groupOrdinals[at - 1] > when) {
                groupOrdinals[at] = groupOrdinals[at - 1];
                ids[group][at] = ids[group][at - 1];
                at--;
            }
            groupOrdinals[at] = when;
            ids[group][at] = id;
        }
        return ids;
    }

    private String where(long lineNumber) {
        return file + ":" + lineNumber + ": ";
    }

    /** Bytes of a bad line, quoted in a message: control characters shown as \\xNN, never sent to the terminal. */
    private static String text(byte[] b, int start, int end) {
        return Printable.of(new String(b, start, end - start, StandardCharsets.UTF_8));
    }

    private static String excerpt(byte[] b, int start, int end) {
        int shown = Math.min(end - start, 120);
        return "'" + text(b, start, start + shown) + (shown < end - start ? "..." : "") + "'";
    }
}

package dev.leaktrace.analyser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each @DROP/@GC with its @ALLOCATE by id, keeping only the objects alive, and feeds the
 * sampler. One instance spans all files of an analysis; each file is its own id space.
 */
final class Pairing implements LineHandler {
    private final EventLineParser parser = new EventLineParser();
    private final CanonicalLineParser canonical = new CanonicalLineParser();
    private final EventLine event = new EventLine();
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
    private long[] liveBytesByType = new long[64];
    private int[] lastGroupAtSite = new int[64]; // group + 1; 0 = none yet
    /** By {@link SiteKeys} key of the reading thread: the site in {@link #sites}, + 1; 0 = not seen yet. */
    private int[] siteOfKey = new int[64];
    private final Trend[] noTrends = new Trend[0];
    Trend[] trends = noTrends;
    final List<Timeline> timelines = new ArrayList<>();

    long allocations;
    long drops;
    long collected;
    long otherEvents;
    long stackLines;

    private String file;
    private LiveSampler sampler;
    private long ordinal;

    Pairing(Problems problems) {
        this.problems = problems;
    }

    void beginFile(String name) {
        file = name;
        ordinal = 0;
        sampler = new LiveSampler();
        live.clear();
        stackOf.clear();
        Arrays.fill(groups.live, 0);
        Arrays.fill(liveBytesByType, 0);
    }

    @Override
    public int lineUpToNewline(byte[] b, int start, int limit, long lineNumber) {
        int newline = canonical.parse(b, start, limit, event);
        if (newline >= 0) {
            parsedLine(b, lineNumber, canonical.kind());
        }
        return newline;
    }

    /** The event that {@link #parsedLine} reads; filled by the caller. */
    EventLine event() {
        return event;
    }

    /**
     * An @ALLOCATE, @DROP or @GC line ({@code kind}, a {@link LineBatch} kind) that
     * {@link CanonicalLineParser} has already parsed into {@link #event()}, with offsets into {@code b}.
     */
    private void parsedLine(byte[] b, long lineNumber, byte kind) {
        if (kind == LineBatch.ALLOCATE) {
            allocate(b, lineNumber, sites.intern(b, event.siteStart, event.siteEnd, event.siteHash));
        } else {
            release(b, lineNumber, kind == LineBatch.GC);
        }
        ordinal++;
        sampler.tick(ordinal, groups.live, groups.size(), liveBytesByType, types.size());
    }

    /**
     * {@link #parsedLine} for a line whose site the reading thread of a {@link PipelinedReader}
     * numbered ({@link SiteKeys}; -1 for a @DROP or @GC): the site is found by its key, without
     * reading its bytes, but for the first line of each key. The line's kind comes as a
     * {@link LineBatch} kind, not in {@link #event()} (see {@link CanonicalLineParser#parse}).
     */
    void keyedLine(byte[] b, long lineNumber, byte kind, int siteKey) {
        if (kind == LineBatch.ALLOCATE) {
            if (siteKey >= siteOfKey.length) {
                siteOfKey = Arrays.copyOf(siteOfKey, Math.max(siteKey + 1, siteOfKey.length * 2));
            }
            int site = siteOfKey[siteKey] - 1;
            if (site < 0) {
                site = sites.intern(b, event.siteStart, event.siteEnd);
                siteOfKey[siteKey] = site + 1;
            }
            allocate(b, lineNumber, site);
        } else {
            release(b, lineNumber, kind == LineBatch.GC);
        }
        ordinal++;
        sampler.tick(ordinal, groups.live, groups.size(), liveBytesByType, types.size());
    }

    /** Forgets the keys of {@link #keyedLine}: a new reading thread numbers them anew. */
    void forgetSiteKeys() {
        Arrays.fill(siteOfKey, 0);
    }

    @Override
    public void line(byte[] b, int start, int end, long lineNumber, boolean terminated) {
        switch (parser.parse(b, start, end, event)) {
            case NONE -> {
                return;
            }
            case OTHER -> {
                otherEvents++;
                return;
            }
            case MALFORMED -> {
                malformed(b, start, end, lineNumber, terminated);
                return;
            }
            case ALLOCATE -> allocate(b, lineNumber, sites.intern(b, event.siteStart, event.siteEnd));
            case DROP -> release(b, lineNumber, false);
            case GC -> release(b, lineNumber, true);
            case STACK -> {
                stack(b, lineNumber);
                return; // not an event of the timeline: it describes the allocation before it
            }
        }
        ordinal++;
        sampler.tick(ordinal, groups.live, groups.size(), liveBytesByType, types.size());
    }

    /** Adds the object of the @ALLOCATE line in {@link #event}, whose site is {@code site} in {@link #sites}. */
    private void allocate(byte[] b, long lineNumber, int site) {
        allocations++;
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

    private void release(byte[] b, long lineNumber, boolean byGc) {
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
        } else {
            drops++;
        }
        forget(slot);
    }

    private void stack(byte[] b, long lineNumber) {
        if (live.find(event.id) < 0) {
            problems.report(ProblemKind.UNMATCHED_STACK, problems.wantsMessage(ProblemKind.UNMATCHED_STACK)
                    ? where(lineNumber) + "@STACK of id " + event.id + ", which is not alive" : null);
            return;
        }
        stackLines++;
        stackOf.put(event.id, stacks.intern(b, event.framesStart, event.framesEnd));
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

    private void malformed(byte[] b, int start, int end, long lineNumber, boolean terminated) {
        ProblemKind kind = terminated ? ProblemKind.MALFORMED_LINE : ProblemKind.TRUNCATED_LINE;
        String message = null;
        if (problems.wantsMessage(kind)) {
            String token = "@" + event.token.name();
            message = terminated
                    ? where(lineNumber) + "malformed " + token + " line: " + event.error + ": " + excerpt(b, start, end)
                    : where(lineNumber) + "the last line is cut off: " + excerpt(b, start, end);
        }
        problems.report(kind, message);
    }

    /** An I/O error part-way through the file, typically a truncated gzip. */
    void endedEarly(long lastLine, String why) {
        problems.report(ProblemKind.TRUNCATED_FILE, file + ": the file ends early after line " + lastLine
                + " (" + why + "); was it cut off while being copied or compressed?");
    }

    /** Moves what is still alive into the leak totals and records this file's trends and timeline. */
    void endFile() {
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
        timelines.add(Timeline.of(file, ordinals, sampler, types));
        addLeakedStacks();
        live.clear();
        stackOf.clear();
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

package dev.leaktrace.analyser;

import java.util.Arrays;

/**
 * A block of a log's bytes and its lines, as the reading thread of {@link PipelinedReader} hands
 * them to the pairing thread: for each line either the fields the fast path parsed, or the line's
 * extent for the general parser. Batches go round between the two threads and are reused.
 */
final class LineBatch {
    /**
     * 256 KiB. At least the 64 KiB buffer of {@link LogInput}'s {@code BufferedInputStream}, so
     * that reads go straight into the batch rather than through that buffer (one copy of the whole
     * log less), and a quarter of the hand-overs of 64 KiB batches. Measured on the 10-million-line
     * benchmark log: both threads spent 10-15% less than with 64 KiB, and 512 KiB or 1 MiB were no
     * better (the batches in flight no longer fit in a core's L2 cache).
     */
    static final int SIZE = 1 << 18;

    /** What a line of the batch is. */
    static final byte GENERAL = 0;
    static final byte UNTERMINATED = 1; // the last line of the log, without a newline
    static final byte ALLOCATE = 2;
    static final byte DROP = 3;
    static final byte GC = 4;

    private static final int INTS = 5; // start/typeStart, end/typeEnd, siteStart, siteEnd, site key
    private static final int LONGS = 2; // size, id

    private final int size;
    byte[] bytes;
    /** The bytes read: {@code bytes[0, limit)}. */
    int limit;
    int lines;
    /** Set on the last batch of the log. */
    boolean last;
    /** What stopped the reading thread, to be thrown on the pairing thread after this batch's lines. */
    Throwable failure;

    private byte[] kinds = new byte[1024];
    private int[] ints = new int[1024 * INTS];
    private long[] longs = new long[1024 * LONGS];

    LineBatch(int size) {
        this.size = size;
        bytes = new byte[size];
    }

    /** Makes the batch empty, for reuse; a buffer grown for a very long line is given back. */
    void reset() {
        if (bytes.length > size) {
            bytes = new byte[size];
        }
        limit = 0;
        lines = 0;
        last = false;
        failure = null;
    }

    void addGeneral(int start, int end, boolean terminated) {
        int line = add(terminated ? GENERAL : UNTERMINATED);
        ints[line * INTS] = start;
        ints[line * INTS + 1] = end;
    }

    /**
     * A line of {@code kind} ({@link #ALLOCATE}, {@link #DROP} or {@link #GC}) that
     * {@link CanonicalLineParser#parse} parsed into {@code event}, with its {@link SiteKeys}
     * key (@ALLOCATE only).
     */
    void addParsed(byte kind, EventLine event, int siteKey) {
        int line = add(kind);
        int at = line * INTS;
        ints[at] = event.typeStart;
        ints[at + 1] = event.typeEnd;
        ints[at + 2] = event.siteStart;
        ints[at + 3] = event.siteEnd;
        ints[at + 4] = siteKey;
        longs[line * LONGS] = event.size;
        longs[line * LONGS + 1] = event.id;
    }

    byte kind(int line) {
        return kinds[line];
    }

    int start(int line) {
        return ints[line * INTS];
    }

    int end(int line) {
        return ints[line * INTS + 1];
    }

    /** The {@link SiteKeys} key of a parsed @ALLOCATE line. */
    int siteKey(int line) {
        return ints[line * INTS + 4];
    }

    /**
     * Fills {@code event} as {@link CanonicalLineParser#parse} filled it for {@code line}, but
     * for the site's line number and hash: {@link #siteKey} stands for them. The kind stays in
     * {@link #kind}: storing it into {@code event} would cost a write barrier per line.
     */
    void load(int line, EventLine event) {
        int at = line * INTS;
        event.typeStart = ints[at];
        event.typeEnd = ints[at + 1];
        event.siteStart = ints[at + 2];
        event.siteEnd = ints[at + 3];
        event.size = longs[line * LONGS];
        event.id = longs[line * LONGS + 1];
    }

    private int add(byte kind) {
        if (lines == kinds.length) {
            kinds = Arrays.copyOf(kinds, lines * 2);
            ints = Arrays.copyOf(ints, lines * 2 * INTS);
            longs = Arrays.copyOf(longs, lines * 2 * LONGS);
        }
        kinds[lines] = kind;
        return lines++;
    }
}

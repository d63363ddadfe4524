package dev.leaktrace.analyser.parse;

/**
 * The fields of one parsed line, as offsets into the reader's buffer: what the parsers hand the
 * pairing. Adding a field to a line means adding it here, to the parsers and to the pairing.
 *
 * <p>Instances are reused, one per line being read, so that parsing allocates nothing; the offsets
 * are only valid while the reader keeps that part of its buffer.
 */
public final class EventLine {
    /** A {@link LineKind}. */
    public byte kind;
    /** For MALFORMED lines: which token was found (a {@link LineKind}), and why its fields were rejected. */
    public byte token;
    public String error;
    /** The whole line, for the message about a malformed one; set by {@link EventLineParser} only. */
    public int lineStart;
    public int lineEnd;
    /** False for a last line without a newline, which may be cut off; set by {@link EventLineParser} only. */
    public boolean terminated;

    public int typeStart;
    public int typeEnd;
    public long size;
    /** The whole {@code file:line} site; only set for @ALLOCATE. */
    public int siteStart;
    public int siteEnd;
    /** The site's line number; set by {@link EventLineParser} only, and read by nothing but its tests. */
    public int line;
    /** The site's {@link SiteKeys} key, or -1 when {@link EventLineParser} read the line; @ALLOCATE only. */
    public int siteKey;
    public long id;
    /** @RETAINED and @HOLDER: the objects they count; their bytes are in {@link #size}. */
    public long count;
    /** @HOLDER and @PATH: their words after the numbers, root first; their id is {@link #id}. */
    public int wordsStart;
    public int wordsEnd;
    /** The {@code frame;frame;...} word of a @STACK line; its id is {@link #id}. */
    public int framesStart;
    public int framesEnd;
    /** The six numbers of a @COUNTS line, in its order; its type and site are those of @ALLOCATE. */
    public final long[] counts = new long[COUNTS_FIELDS];
    public static final int COUNTS_FIELDS = 6;
}

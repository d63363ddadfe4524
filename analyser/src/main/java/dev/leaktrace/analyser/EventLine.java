package dev.leaktrace.analyser;

/**
 * The fields of one parsed event line, as offsets into the reader's buffer.
 *
 * <p>One instance is reused for every line so that parsing allocates nothing; the offsets are only
 * valid until the next line is parsed.
 */
public final class EventLine {
    public LineKind kind;
    /** For MALFORMED lines: which token was found, and why its fields were rejected. */
    public LineKind token;
    public String error;

    public int typeStart;
    public int typeEnd;
    public long size;
    /** The whole {@code file:line} site; only set for @ALLOCATE. */
    public int siteStart;
    public int siteEnd;
    /** The site's line number; set by {@link EventLineParser} only, and read by nothing but its tests. */
    public int line;
    /** {@link ByteInterner#hash} of the site, computed by whoever parsed the line. */
    public int siteHash;
    /** The site's {@link SiteKeys} key; set by {@link CanonicalLineParser} only. */
    public int siteKey;
    public long id;
    /** The {@code frame;frame;...} word of a @STACK line; its id is {@link #id}. */
    public int framesStart;
    public int framesEnd;
}

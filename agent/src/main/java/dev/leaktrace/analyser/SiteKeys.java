package dev.leaktrace.analyser;

/**
 * The reading thread's own numbering of the sites of the @ALLOCATE lines it parsed.
 * {@link PipelinedReader} hands each such line over with its site's key, so that the pairing
 * thread, the slower of the two, looks up an int where it used to hash and compare the site's
 * bytes, which the reading thread has just read and still has in its cache.
 *
 * <p>Only the site moves: also numbering the (type, site) pair here, or a @DROP's type, made the
 * reading thread the slower one. A key is a function of the site's bytes alone (equal sites,
 * equal keys), but the numbers are not {@link Pairing}'s, which also counts the sites of lines the
 * fast path declined, on its own thread; it maps a key to its own number on first sight
 * ({@link Pairing#keyedLine}).
 */
final class SiteKeys {
    private final ByteInterner sites = new ByteInterner();

    /** The key of the site of the @ALLOCATE line in {@code event}, parsed by {@link CanonicalLineParser}. */
    int of(byte[] b, EventLine event) {
        return sites.intern(b, event.siteStart, event.siteEnd, event.siteHash);
    }
}

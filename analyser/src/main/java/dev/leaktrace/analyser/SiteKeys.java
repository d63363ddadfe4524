package dev.leaktrace.analyser;

/**
 * A {@link CanonicalLineParser}'s numbering of the sites of the @ALLOCATE lines it parsed, which
 * are also the sites it has found valid. {@link PipelinedReader} hands each such line over with its
 * site's key, so that the pairing thread, the slower of the two, looks up an int where it used to
 * hash and compare the site's bytes, which the reading thread has just read and still has in its
 * cache. And the parser checks a site's shape ({@code file:line}) only the first time it meets it:
 * a log repeats a few hundred sites millions of times.
 *
 * <p>Only the site moves: also numbering the (type, site) pair here, or a @DROP's type, made the
 * reading thread the slower one. A key is a function of the site's bytes alone (equal sites,
 * equal keys), but the numbers are not {@link Pairing}'s, which also counts the sites of lines the
 * fast path declined, on its own thread; it maps a key to its own number on first sight
 * ({@link Pairing#keyedLine}).
 */
final class SiteKeys {
    private final ByteInterner sites = new ByteInterner();

    /** The key of site {@code b[start, end)}, whose {@link ByteInterner#hash} is {@code hash}, or -1 if it has none yet. */
    int find(byte[] b, int start, int end, int hash) {
        return sites.find(b, start, end, hash);
    }

    /** Gives site {@code b[start, end)}, which has no key yet, the next one. */
    int add(byte[] b, int start, int end, int hash) {
        return sites.intern(b, start, end, hash);
    }
}

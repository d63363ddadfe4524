package dev.leaktrace.analyser.parse;

/**
 * A {@link CanonicalLineParser}'s numbering of the sites of the @ALLOCATE lines it parsed, which
 * are also the sites it has found valid. Each such line carries its site's key
 * ({@link EventLine#siteKey}), so that the pairing, on the busier thread, looks up an int rather
 * than hash and compare the site's bytes, which the reading thread has just read and still has in
 * its cache; and the parser checks a site's shape ({@code file:line}) only the first time it meets
 * it: a log repeats a few hundred sites millions of times.
 *
 * <p>Only the site is numbered here: numbering the type as well would make the reading thread the
 * busier one (docs/performance.md). A key is a function of the site's bytes alone (equal sites,
 * equal keys) within one parser, that is one file; the pairing maps each key to its own number
 * for the site on first sight, since it also numbers the sites of lines the fast path declined.
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

package dev.leaktrace.bootstrap;

import java.util.Arrays;

/**
 * Site tokens ({@code com/example/Main.java:42}) fixed when the calling class was loaded, by
 * number: rewritten {@code new} expressions and marked calls pass the number, so the hot path
 * never walks the stack or builds a string. Each site also knows its class, and whether that
 * class is library code (see {@link LibraryCode}).
 */
public final class Sites {
    /** One array of per-site records, swapped whole, so a reader sees a token and its class together. */
    private static volatile Site[] sites = new Site[256];
    private static int count;

    private Sites() {
    }

    private static final class Site {
        final byte[] token;
        final String className;
        final boolean library;
        /** The library line last printed for an object charged to this site; racy on purpose. */
        byte[] lastLibraryLine;

        Site(byte[] token, String className, boolean library) {
            this.token = token;
            this.className = className;
            this.library = library;
        }
    }

    /** Adds a site of application code and returns its number (the caller keeps numbers unique per site). */
    public static int register(String site) {
        return register(site, "", false);
    }

    /**
     * Adds a site and returns its number.
     *
     * @param className the binary name of the class the site is in
     * @param library   whether that class is library code by the JDK's and the top-level rules
     */
    public static synchronized int register(String site, String className, boolean library) {
        Site[] current = sites;
        if (count == current.length) {
            current = Arrays.copyOf(current, count * 2);
        }
        current[count] = new Site(LineFormat.typeToken(site), className, library);
        sites = current;
        return count++;
    }

    private static Site at(int site) {
        Site[] current = sites;
        return site >= 0 && site < current.length ? current[site] : null;
    }

    static byte[] token(int site) {
        Site s = at(site);
        return s != null ? s.token : SiteFinder.UNKNOWN;
    }

    /**
     * Whether an object charged to {@code site} whose {@code new} ran at {@code libraryLine} should
     * print its @LIBRARY line: the first of the site's objects to run there does, the next ones
     * do not until another library line came between, so a hot factory call prints one line,
     * not one per object. A race prints a line twice, never loses one.
     */
    static boolean firstAt(int site, byte[] libraryLine) {
        Site s = at(site);
        if (s == null || s.lastLibraryLine == libraryLine) {
            return false;
        }
        s.lastLibraryLine = libraryLine;
        return true;
    }

    /** Whether the site is in library code for objects of {@code info}. */
    static boolean isLibrary(int site, TypeInfo info) {
        Site s = at(site);
        return s != null && (s.library || info.libraryAny || (info.library != null && info.library.test(s.className)));
    }
}

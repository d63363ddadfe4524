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
        /** A marked call's callee class (binary name); null for the site of a {@code new}. */
        final String callee;
        /** Whether the callee is library code by the JDK's and the top-level rules. */
        final boolean calleeLibrary;
        /** The library line last printed for an object charged to this site; racy on purpose. */
        byte[] lastLibraryLine;

        Site(byte[] token, String className, boolean library, String callee, boolean calleeLibrary) {
            this.token = token;
            this.className = className;
            this.library = library;
            this.callee = callee;
            this.calleeLibrary = calleeLibrary;
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
    public static int register(String site, String className, boolean library) {
        return register(site, className, library, null, false);
    }

    /**
     * Adds a site and returns its number.
     *
     * @param callee        for a marked call, the binary name of the class called into; else null
     * @param calleeLibrary whether that class is library code by the JDK's and the top-level rules
     */
    public static synchronized int register(String site, String className, boolean library, String callee,
                                            boolean calleeLibrary) {
        Site[] current = sites;
        if (count == current.length) {
            current = Arrays.copyOf(current, count * 2);
        }
        current[count] = new Site(LineFormat.typeToken(site), className, library, callee, calleeLibrary);
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

    /**
     * The marked call an object of {@code info} made in library code is charged to, or
     * {@link ThreadState#NO_SITE}: the innermost mark placed by code that is not library code for
     * it (a mark Netty placed on its call into the JDK is passed over for a Netty buffer), if that
     * call went into library code for it (a call into Netty counts only for the entries that name
     * Netty). Otherwise code of the application's own for this object ran in between: a walk.
     */
    static int markFor(ThreadState thread, TypeInfo info) {
        int depth = thread.markDepth;
        int[] marks = thread.marks;
        if (depth > marks.length) {
            return ThreadState.NO_SITE; // the innermost marks were counted, not kept
        }
        for (int i = depth - 1; i >= 0; i--) {
            Site s = at(marks[i]);
            if (s == null) {
                return ThreadState.NO_SITE;
            }
            if (s.library || (info.library != null && info.library.test(s.className))) {
                continue;
            }
            boolean intoLibrary = s.callee == null || s.calleeLibrary
                    || (info.library != null && info.library.test(s.callee));
            return intoLibrary ? marks[i] : ThreadState.NO_SITE;
        }
        return ThreadState.NO_SITE;
    }

    /** Whether the site is in library code for objects of {@code info}. */
    static boolean isLibrary(int site, TypeInfo info) {
        Site s = at(site);
        return s != null && (s.library || info.libraryAny || (info.library != null && info.library.test(s.className)));
    }
}

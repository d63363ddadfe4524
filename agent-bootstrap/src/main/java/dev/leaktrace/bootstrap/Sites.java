package dev.leaktrace.bootstrap;

import java.util.Arrays;

/**
 * Site tokens ({@code com/example/Main.java:42}) fixed when the calling class was loaded, by
 * number: rewritten {@code new} expressions pass the number, so the hot path never walks the
 * stack or builds a string.
 */
public final class Sites {
    private static volatile byte[][] tokens = new byte[256][];
    private static int count;

    private Sites() {
    }

    /** Adds a site and returns its number (the caller keeps numbers unique per site). */
    public static synchronized int register(String site) {
        byte[][] current = tokens;
        if (count == current.length) {
            current = Arrays.copyOf(current, count * 2);
        }
        current[count] = LineFormat.typeToken(site);
        tokens = current;
        return count++;
    }

    static byte[] token(int site) {
        byte[][] current = tokens;
        return site >= 0 && site < current.length && current[site] != null ? current[site] : SiteFinder.UNKNOWN;
    }
}

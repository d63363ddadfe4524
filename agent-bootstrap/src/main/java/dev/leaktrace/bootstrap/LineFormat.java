package dev.leaktrace.bootstrap;

import java.nio.charset.StandardCharsets;

/**
 * Writes the event lines byte by byte into a caller's buffer, without allocating, so that a line
 * can still be written when the heap is exhausted.
 *
 * <pre>
 * &#64;ALLOCATE &lt;type&gt; &lt;size_bytes&gt; &lt;file&gt;:&lt;line&gt; &lt;unique_id&gt;
 * &#64;DROP &lt;type&gt; &lt;size_bytes&gt; &lt;unique_id&gt;
 * &#64;GC &lt;type&gt; &lt;size_bytes&gt; &lt;unique_id&gt;
 * &#64;TIME &lt;millis_since_jvm_start&gt;
 * </pre>
 */
public final class LineFormat {
    static final byte[] ALLOCATE = "@ALLOCATE ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DROP = "@DROP ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] GC = "@GC ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] STACK = "@STACK ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] LIBRARY = "@LIBRARY ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] COUNTS = "@COUNTS ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TIME = "@TIME ".getBytes(StandardCharsets.US_ASCII);
    /** Longest line part that is not a name: keyword, three numbers, separators. */
    static final int MAX_FIXED_PART = 10 + 3 * 20 + 8;

    private LineFormat() {
    }

    /**
     * A token that prints as exactly one word of one line. Class binary names may legally hold
     * spaces, newlines or '@'; those bytes (and '%', controls) are percent-encoded as in URLs, so
     * no name can split or forge a line.
     */
    public static byte[] typeToken(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int extra = 0;
        for (byte b : utf8) {
            if (needsEscape(b)) {
                extra += 2;
            }
        }
        if (extra == 0) {
            return utf8.length == 0 ? "?".getBytes(StandardCharsets.US_ASCII) : utf8;
        }
        byte[] out = new byte[utf8.length + extra];
        int p = 0;
        for (byte b : utf8) {
            if (needsEscape(b)) {
                out[p++] = '%';
                out[p++] = hex((b >> 4) & 0xF);
                out[p++] = hex(b & 0xF);
            } else {
                out[p++] = b;
            }
        }
        return out;
    }

    private static boolean needsEscape(byte b) {
        int c = b & 0xFF;
        return c <= ' ' || c == '@' || c == '%' || c == 0x7F;
    }

    private static byte hex(int nibble) {
        return (byte) (nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
    }

    static int put(byte[] buf, int pos, byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        return pos + bytes.length;
    }

    /** "00" to "99": two digits per division (numbers are a large part of every line). */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    /** Decimal digits of a non-negative number. */
    static int digits(long value) {
        // log10 from the bit length (1233/4096 is just above log10(2)), then one correction.
        int guess = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
        return guess < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[guess] ? guess + 1 : Math.max(1, guess);
    }

    /** Appends a non-negative decimal number (a negative one as 0). */
    static int putLong(byte[] buf, int pos, long value) {
        if (value < 0) {
            value = 0;
        }
        int end = pos + digits(value);
        int i = end;
        while (value > Integer.MAX_VALUE) {
            long quotient = value / 100;
            int pair = 2 * (int) (value - quotient * 100);
            buf[--i] = DIGIT_PAIRS[pair + 1];
            buf[--i] = DIGIT_PAIRS[pair];
            value = quotient;
        }
        // int arithmetic for the rest: far cheaper than long division
        int v = (int) value;
        while (v >= 100) {
            int quotient = v / 100;
            int pair = 2 * (v - quotient * 100);
            buf[--i] = DIGIT_PAIRS[pair + 1];
            buf[--i] = DIGIT_PAIRS[pair];
            v = quotient;
        }
        if (v >= 10) {
            buf[--i] = DIGIT_PAIRS[2 * v + 1];
            buf[--i] = DIGIT_PAIRS[2 * v];
        } else {
            buf[--i] = (byte) ('0' + v);
        }
        return end;
    }

    static int allocate(byte[] buf, int pos, byte[] type, long size, byte[] site, long id) {
        pos = put(buf, pos, ALLOCATE);
        pos = put(buf, pos, type);
        buf[pos++] = ' ';
        pos = putLong(buf, pos, size);
        buf[pos++] = ' ';
        pos = put(buf, pos, site);
        buf[pos++] = ' ';
        pos = putLong(buf, pos, id);
        buf[pos++] = '\n';
        return pos;
    }

    /**
     * The @ALLOCATE line with the id from the thread's id text (already set), and the
     * type's cached prefix where it has one; the same bytes as {@link #allocate(byte[], int,
     * byte[], long, byte[], long)}.
     */
    static int allocate(byte[] buf, int pos, TypeInfo type, long size, byte[] site, IdText id) {
        pos = putStart(buf, pos, ALLOCATE, type, size);
        pos = put(buf, pos, site);
        buf[pos++] = ' ';
        pos = id.copyIdTo(buf, pos);
        buf[pos++] = '\n';
        return pos;
    }

    /** A @DROP or @GC line, as {@link #allocate(byte[], int, TypeInfo, long, byte[], IdText)} does. */
    static int release(byte[] buf, int pos, byte[] keyword, TypeInfo type, long size, IdText id) {
        pos = putStart(buf, pos, keyword, type, size);
        pos = id.copyIdTo(buf, pos);
        buf[pos++] = '\n';
        return pos;
    }

    /** {@code "<keyword><type> <size> "}: one copy of the type's cached prefix where it has one. */
    private static int putStart(byte[] buf, int pos, byte[] keyword, TypeInfo type, long size) {
        LinePrefixes prefixes = type.prefixesFor(size);
        if (prefixes != null) {
            return put(buf, pos, prefixes.of(keyword));
        }
        pos = put(buf, pos, keyword);
        pos = put(buf, pos, type.nameBytes);
        buf[pos++] = ' ';
        pos = putLong(buf, pos, size);
        buf[pos++] = ' ';
        return pos;
    }

    /**
     * {@code @LIBRARY <id> <file>:<line>}: where the library code that made the object ran its
     * {@code new}, when the @ALLOCATE's site is the application line that called that library.
     */
    static int library(byte[] buf, int pos, long id, byte[] site) {
        return idAndText(buf, pos, LIBRARY, id, site);
    }

    /**
     * {@code @TIME <millis>}: milliseconds since the JVM started, so that the lines before it can
     * be placed in time; written by the agent's writer thread, never by an application thread.
     */
    static int time(byte[] buf, int pos, long millis) {
        pos = put(buf, pos, TIME);
        pos = putLong(buf, pos, millis);
        buf[pos++] = '\n';
        return pos;
    }

    /** {@code @STACK <id> <frame>;<frame>;...}: an object's allocating stack, root first. */
    static int stack(byte[] buf, int pos, long id, byte[] frames) {
        return idAndText(buf, pos, STACK, id, frames);
    }

    /** {@code <keyword><id> <text>}: the shape of the lines that annotate one object. */
    private static int idAndText(byte[] buf, int pos, byte[] keyword, long id, byte[] text) {
        pos = put(buf, pos, keyword);
        pos = putLong(buf, pos, id);
        buf[pos++] = ' ';
        pos = put(buf, pos, text);
        buf[pos++] = '\n';
        return pos;
    }

    static int release(byte[] buf, int pos, byte[] keyword, byte[] type, long size, long id) {
        pos = put(buf, pos, keyword);
        pos = put(buf, pos, type);
        buf[pos++] = ' ';
        pos = putLong(buf, pos, size);
        buf[pos++] = ' ';
        pos = putLong(buf, pos, id);
        buf[pos++] = '\n';
        return pos;
    }

    /**
     * {@code @COUNTS <type> <file>:<line> <allocated> <allocated_bytes> <dropped> <dropped_bytes>
     * <collected> <collected_bytes>}: a type and site's counts since the start.
     */
    static int counts(byte[] buf, int pos, SiteTotals row) {
        pos = put(buf, pos, COUNTS);
        pos = put(buf, pos, row.typeToken);
        buf[pos++] = ' ';
        pos = put(buf, pos, row.siteToken);
        for (long value : row.values) {
            buf[pos++] = ' ';
            pos = putLong(buf, pos, value);
        }
        buf[pos++] = '\n';
        return pos;
    }

    /** The longest {@link #counts} line of a row. */
    static int countsLength(SiteTotals row) {
        return COUNTS.length + row.typeToken.length + row.siteToken.length + 2 + SiteTotals.FIELDS * 21;
    }
}

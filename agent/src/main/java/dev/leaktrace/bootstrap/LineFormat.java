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
 * </pre>
 */
public final class LineFormat {
    static final byte[] ALLOCATE = "@ALLOCATE ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DROP = "@DROP ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] GC = "@GC ".getBytes(StandardCharsets.US_ASCII);
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

    /** Appends a non-negative decimal number. */
    static int putLong(byte[] buf, int pos, long value) {
        if (value < 0) {
            value = 0;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        int end = pos + digits;
        int i = end;
        while (value >= Integer.MAX_VALUE) {
            buf[--i] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        }
        // int arithmetic for the rest: far cheaper than long division
        int v = (int) value;
        while (i > pos) {
            buf[--i] = (byte) ('0' + v % 10);
            v /= 10;
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
}

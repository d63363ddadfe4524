package dev.leaktrace.analyser.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The fast path for the lines our own agent writes: {@code @ALLOCATE}, {@code @DROP} or {@code @GC}
 * at the very start of the line, fields separated by one space, the id followed by {@code '\n'}.
 *
 * <p>Nearly every line of a real log has exactly this shape, so the reader tries this first, at the
 * start of a line whose end it has not looked for yet: the walk over the fields finds the line's
 * end too, and each byte is looked at once instead of twice (once for the newline, once to parse).
 * Words are scanned eight bytes at a time.
 *
 * <p>It accepts a line only when {@link EventLineParser} would read it the same way, and fills
 * {@link EventLine} as that parser does but for the site's line number, which nothing reads, and
 * the line's extent, which only messages about malformed lines need; it gives the site its
 * {@link SiteKeys} key. Anything else (a prefix, tabs, two spaces, a carriage return, trailing
 * text, a field that does not parse) returns -1 and the caller falls back to the general parser,
 * which then also produces the error message.
 */
public final class CanonicalLineParser {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** "@ALLOCAT", "@DROP " and "@GC " as little-endian words, and the masks of their lengths. */
    private static final long ALLOCAT = word("@ALLOCAT");
    private static final long DROP = word("@DROP ");
    private static final long DROP_MASK = 0xFFFF_FFFF_FFFFL;
    private static final long GC = word("@GC ");
    private static final long GC_MASK = 0xFFFF_FFFFL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** 0x21 in every byte: bytes below it are the space and the control characters that end a word. */
    private static final long BELOW_WORD = 0x2121212121212121L;
    /** 18 digits always fit in a long; longer numbers are left to the general parser. */
    private static final int MAX_DIGITS = 18;
    private static final long ZEROS = 0x3030303030303030L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long DIGIT_HIGH_NIBBLES = 0x3030303030303030L;
    private static final long LOW_NIBBLES = 0x0F0F0F0F0F0F0F0FL;
    private static final long SIXES = 0x0606060606060606L;

    /** The value read by the last {@link #endOfNumber}. */
    private long number;
    /** The {@link ByteInterner#hash} of the word found by the last {@link #endOfHashedWord}. */
    private int wordHash;
    /** The sites of the lines parsed so far, found valid when first met. */
    private final SiteKeys sites = new SiteKeys();

    /**
     * Parses the line starting at {@code start} into {@code out} if it has the canonical shape and
     * ends before {@code limit}. Only numbers are stored, the kind too, since a reference stored per
     * line would cost the garbage collector's write barrier (docs/performance.md).
     *
     * @return the index of the line's {@code '\n'}, or -1 when the general parser must handle it
     */
    public int parse(byte[] b, int start, int limit, EventLine out) {
        if (start + Long.BYTES > limit) {
            return -1;
        }
        long head = (long) LONGS.get(b, start);
        byte kind;
        int pos;
        if (head == ALLOCAT) {
            if (start + 10 > limit || b[start + 8] != 'E' || b[start + 9] != ' ') {
                return -1;
            }
            kind = LineKind.ALLOCATE;
            pos = start + 10;
        } else if ((head & DROP_MASK) == DROP) {
            kind = LineKind.DROP;
            pos = start + 6;
        } else if ((head & GC_MASK) == GC) {
            kind = LineKind.GC;
            pos = start + 4;
        } else {
            return -1;
        }

        int typeEnd = endOfWord(b, pos, limit);
        if (typeEnd == pos || typeEnd >= limit || b[typeEnd] != ' ') {
            return -1;
        }
        out.typeStart = pos;
        out.typeEnd = typeEnd;

        pos = typeEnd + 1;
        int sizeEnd = endOfNumber(b, pos, limit);
        if (sizeEnd < 0 || b[sizeEnd] != ' ') {
            return -1;
        }
        out.size = number;

        pos = sizeEnd + 1;
        if (kind == LineKind.ALLOCATE) {
            int siteEnd = endOfHashedWord(b, pos, limit);
            if (siteEnd >= limit || b[siteEnd] != ' ' || !site(b, pos, siteEnd, out)) {
                return -1;
            }
            pos = siteEnd + 1;
        }

        int idEnd = endOfNumber(b, pos, limit);
        if (idEnd < 0 || b[idEnd] != '\n' || number <= 0) {
            return -1;
        }
        out.id = number;
        out.kind = kind;
        return idEnd;
    }

    /**
     * Fills in the site {@code b[start, end)} and its key ({@link SiteKeys}) if it is a valid
     * {@code file:line}. Only a site met for the first time is checked: the others have a key.
     */
    private boolean site(byte[] b, int start, int end, EventLine out) {
        int hash = wordHash; // here, on the reading thread of a pipeline
        int key = sites.find(b, start, end, hash);
        if (key < 0) {
            if (!validSite(b, start, end)) {
                return false;
            }
            key = sites.add(b, start, end, hash);
        }
        out.siteStart = start;
        out.siteEnd = end;
        out.siteKey = key;
        return true;
    }

    /**
     * Whether a site is {@code file:line} with a line number of digits after its last colon that
     * fits an int, and a non-empty file, as {@link EventLineParser} requires. Walks back from the
     * end, so the first colon met is the last one.
     */
    private static boolean validSite(byte[] b, int start, int end) {
        int colon = end - 1;
        long line = 0;
        long scale = 1;
        while (colon > start && b[colon] >= '0' && b[colon] <= '9') {
            if (end - colon > 10) {
                return false; // more digits than an int holds: the general parser says why
            }
            line += (b[colon] - '0') * scale;
            scale *= 10;
            colon--;
        }
        return colon != end - 1 && colon > start && b[colon] == ':' && line <= Integer.MAX_VALUE;
    }

    /**
     * The index of the first byte at or after {@code from} that is a space or a control character
     * (below 0x21), or {@code limit}. The lowest byte flagged by the word test is always a true
     * match; bytes of multi-byte UTF-8 characters (0x80 and up) are never flagged.
     */
    static int endOfWord(byte[] b, int from, int limit) {
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long found = (word - BELOW_WORD) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < limit; i++) {
            if ((b[i] & 0xFF) < 0x21) {
                return i;
            }
        }
        return limit;
    }

    /** For tests: the hash of the last {@link #endOfHashedWord}. */
    int wordHash() {
        return wordHash;
    }

    /**
     * {@link #endOfWord} that also hashes the word, into {@link #wordHash}, as
     * {@link ByteInterner#hash} does: each word is read once, to find the end and to hash it.
     */
    int endOfHashedWord(byte[] b, int from, int limit) {
        long h = 0;
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long found = (word - BELOW_WORD) & ~word & HIGHS;
            if (found != 0) {
                int bytes = Long.numberOfTrailingZeros(found) >>> 3;
                if (bytes > 0) {
                    h = ByteInterner.mix(h, word & (-1L >>> (Long.SIZE - Byte.SIZE * bytes)));
                }
                wordHash = ByteInterner.finish(h, i + bytes - from);
                return i + bytes;
            }
            h = ByteInterner.mix(h, word);
        }
        int end = endOfWord(b, i, limit); // the last few bytes before the limit
        wordHash = ByteInterner.hash(b, from, end);
        return end;
    }

    /**
     * Reads 1 to 18 digits at {@code from} into {@link #number}, in the same pass that finds their
     * end. Returns the index of the first non-digit, or -1 (no digit, too many, or at {@code limit}).
     *
     * <p>Numbers of up to seven digits (sizes, and ids below ten million) are read eight bytes at a
     * time, since finding the ends of numbers is the largest cost of parsing (docs/performance.md).
     */
    int endOfNumber(byte[] b, int from, int limit) {
        if (from + Long.BYTES <= limit) {
            long word = (long) LONGS.get(b, from);
            // Per byte: non-zero unless the byte is '0'..'9' (high nibble 3, low nibble below 10).
            long notDigit = ((word & HIGH_NIBBLES) ^ DIGIT_HIGH_NIBBLES)
                    | (((word & LOW_NIBBLES) + SIXES) & HIGH_NIBBLES);
            int digits = Long.numberOfTrailingZeros(notDigit) >>> 3;
            if (digits == 0) {
                return -1;
            }
            if (digits < Long.BYTES) {
                number = eightDigits((word - ZEROS) << (Long.SIZE - Long.SIZE / Long.BYTES * digits));
                return from + digits;
            }
        }
        int max = Math.min(limit, from + MAX_DIGITS + 1);
        long value = 0;
        int i = from;
        int digit;
        while (i < max && (digit = b[i] - '0') >= 0 && digit <= 9) {
            value = value * 10 + digit;
            i++;
        }
        number = value;
        return i == from || i >= max ? -1 : i;
    }

    /** The value read by the last {@link #endOfNumber}. */
    long number() {
        return number;
    }

    /**
     * The value of eight decimal digits, one per byte (0 to 9, not ASCII), the most significant in
     * the lowest byte: pairs, then quads, then the whole, with three multiplications.
     */
    private static long eightDigits(long digits) {
        long pairs = digits * 10 + (digits >>> 8);
        return (((pairs & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                + (((pairs >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
    }

    private static long word(String ascii) {
        long word = 0;
        for (int i = ascii.length() - 1; i >= 0; i--) {
            word = word << 8 | ascii.charAt(i);
        }
        return word;
    }
}

package dev.leaktrace.analyser.parse;

/**
 * Recognises {@code @ALLOCATE}, {@code @DROP}, {@code @GC}, {@code @STACK}, {@code @COUNTS} and
 * {@code @LIBRARY} lines, the agent's {@code # leaktrace} header, and the heap analysis's
 * {@code @RETAINED}, {@code @HOLDER} and {@code @PATH} lines in raw bytes.
 *
 * <p>Hand-written instead of a regex because it runs once per log line on logs of tens of millions
 * of lines: it scans for the token, then walks the fields once, parsing numbers in place and
 * allocating nothing. The token may follow any prefix (timestamps, logger or console names) as long
 * as it starts a word; lines starting with '#' are comments; anything after the last field is ignored, so consoles that append a source
 * link still work.
 */
public final class EventLineParser {

    private static final byte[] ALLOCATE = {'A', 'L', 'L', 'O', 'C', 'A', 'T', 'E'};
    private static final byte[] DROP = {'D', 'R', 'O', 'P'};
    private static final byte[] GC = {'G', 'C'};
    private static final byte[] STACK = {'S', 'T', 'A', 'C', 'K'};
    private static final byte[] LIBRARY = {'L', 'I', 'B', 'R', 'A', 'R', 'Y'};
    private static final byte[] COUNTS = {'C', 'O', 'U', 'N', 'T', 'S'};
    private static final byte[] HEADER = {'#', ' ', 'l', 'e', 'a', 'k', 't', 'r', 'a', 'c', 'e', ' '};
    private static final byte[] RETAINED = {'R', 'E', 'T', 'A', 'I', 'N', 'E', 'D'};
    private static final byte[] HOLDER = {'H', 'O', 'L', 'D', 'E', 'R'};
    private static final byte[] PATH = {'P', 'A', 'T', 'H'};
    private static final byte[] REACHABLE = {'R', 'E', 'A', 'C', 'H', 'A', 'B', 'L', 'E'};

    /** Parses {@code bytes[from, to)}, a line without its terminator, into {@code out}; returns its {@link LineKind}. */
    public byte parse(byte[] bytes, int from, int to, EventLine out) {
        return parse(bytes, from, to, true, out);
    }

    /** {@link #parse(byte[], int, int, EventLine)}, where {@code terminated} is false for a last line without a newline. */
    public byte parse(byte[] bytes, int from, int to, boolean terminated, EventLine out) {
        out.lineStart = from;
        out.lineEnd = to;
        out.terminated = terminated;
        int at = skipBlanks(bytes, from, to);
        if (at < to && bytes[at] == '#') {
            // Header and comment lines, which may describe the format itself; the agent's header is read.
            return out.kind = startsWith(bytes, at, to, HEADER) ? LineKind.HEADER : LineKind.NONE;
        }
        while (true) {
            while (at < to && bytes[at] != '@') {
                at++;
            }
            if (at >= to) {
                return out.kind = LineKind.NONE;
            }
            if (at > from && isWordByte(bytes[at - 1])) {
                at++; // an e-mail address or similar, not a token
                continue;
            }
            int nameStart = at + 1;
            int nameEnd = nameStart;
            while (nameEnd < to && bytes[nameEnd] >= 'A' && bytes[nameEnd] <= 'Z') {
                nameEnd++;
            }
            if (nameEnd == nameStart || (nameEnd < to && !isBlank(bytes[nameEnd]))) {
                at++; // "@Override", "@x": not one of our upper-case tokens
                continue;
            }
            byte token = tokenKind(bytes, nameStart, nameEnd);
            if (token == LineKind.OTHER) {
                return out.kind = LineKind.OTHER;
            }
            out.token = token;
            if (token == LineKind.STACK) {
                return out.kind = parseStack(bytes, nameEnd, to, out);
            }
            if (token == LineKind.COUNTS) {
                return out.kind = parseCounts(bytes, nameEnd, to, out);
            }
            if (token == LineKind.LIBRARY) {
                return out.kind = parseLibrary(bytes, nameEnd, to, out);
            }
            if (token == LineKind.RETAINED || token == LineKind.HOLDER || token == LineKind.PATH
                    || token == LineKind.REACHABLE) {
                return out.kind = parseHeapLine(token, bytes, nameEnd, to, out);
            }
            return out.kind = parseFields(token, bytes, nameEnd, to, out);
        }
    }

    private static byte parseFields(byte token, byte[] b, int pos, int to, EventLine out) {
        pos = type(b, pos, to, out);
        if (pos < 0) {
            return LineKind.MALFORMED;
        }

        pos = skipBlanks(b, pos, to);
        int sizeStart = pos;
        pos = skipWord(b, pos, to);
        if (pos == sizeStart) {
            return malformed(out, "the size is missing");
        }
        long size = parseLong(b, sizeStart, pos);
        if (size < 0) {
            return malformed(out, "the size is not a whole number of bytes");
        }
        out.size = size;

        if (token == LineKind.ALLOCATE) {
            pos = site(b, pos, to, out);
            if (pos < 0) {
                return LineKind.MALFORMED;
            }
        }

        return id(b, pos, to, out) < 0 ? LineKind.MALFORMED : token;
    }

    /** {@code @LIBRARY <id> <file>:<line>}. */
    private static byte parseLibrary(byte[] b, int pos, int to, EventLine out) {
        pos = id(b, pos, to, out);
        if (pos < 0 || site(b, pos, to, out) < 0) {
            return LineKind.MALFORMED;
        }
        return LineKind.LIBRARY;
    }

    /** {@code @STACK <id> <frame>;<frame>;...}; frames are percent-encoded, so they hold no blanks. */
    private static byte parseStack(byte[] b, int pos, int to, EventLine out) {
        pos = id(b, pos, to, out);
        if (pos < 0) {
            return LineKind.MALFORMED;
        }
        pos = skipBlanks(b, pos, to);
        int framesStart = pos;
        pos = skipWord(b, pos, to);
        if (pos == framesStart) {
            return malformed(out, "the frames are missing");
        }
        boolean frameStarted = false;
        for (int i = framesStart; i < pos; i++) {
            if (b[i] == ';') {
                if (!frameStarted) {
                    return malformed(out, "a frame is empty");
                }
                frameStarted = false;
            } else {
                frameStarted = true;
            }
        }
        if (!frameStarted) {
            return malformed(out, "a frame is empty");
        }
        out.framesStart = framesStart;
        out.framesEnd = pos;
        return LineKind.STACK;
    }

    /** {@code @COUNTS <type> <file>:<line>} and six whole numbers. */
    private static byte parseCounts(byte[] b, int pos, int to, EventLine out) {
        pos = type(b, pos, to, out);
        if (pos >= 0) {
            pos = site(b, pos, to, out);
        }
        if (pos < 0) {
            return LineKind.MALFORMED;
        }
        for (int i = 0; i < EventLine.COUNTS_FIELDS; i++) {
            pos = skipBlanks(b, pos, to);
            int start = pos;
            pos = skipWord(b, pos, to);
            long value = parseLong(b, start, pos);
            if (value < 0) {
                return malformed(out, pos == start ? "it needs six counts after the site" : "a count is not a whole number");
            }
            out.counts[i] = value;
        }
        return LineKind.COUNTS;
    }

    /** Reads the type word at {@code pos} into {@code out}; returns where it ends, or -1 when it is missing. */
    private static int type(byte[] b, int pos, int to, EventLine out) {
        pos = skipBlanks(b, pos, to);
        int typeStart = pos;
        pos = skipWord(b, pos, to);
        if (pos == typeStart) {
            malformed(out, "the type is missing");
            return -1;
        }
        out.typeStart = typeStart;
        out.typeEnd = pos;
        return pos;
    }

    /** Reads the {@code <file>:<line>} word at {@code pos} into {@code out}; returns where it ends, or -1 when malformed. */
    private static int site(byte[] b, int pos, int to, EventLine out) {
        pos = skipBlanks(b, pos, to);
        int siteStart = pos;
        int colon = -1;
        while (pos < to && !isBlank(b[pos])) {
            if (b[pos] == ':') {
                colon = pos; // the last colon wins: file names may contain colons
            }
            pos++;
        }
        if (pos == siteStart) {
            malformed(out, "the site <file>:<line> is missing");
            return -1;
        }
        if (colon <= siteStart) {
            malformed(out, "the site is not <file>:<line>");
            return -1;
        }
        long line = parseLong(b, colon + 1, pos);
        if (line < 0 || line > Integer.MAX_VALUE) {
            malformed(out, "the line number of the site is not a number");
            return -1;
        }
        out.siteStart = siteStart;
        out.siteEnd = pos;
        out.siteKey = -1;
        out.line = (int) line;
        return pos;
    }

    /**
     * {@code @RETAINED <id> <objects> <bytes>}, {@code @HOLDER <id> <objects> <bytes> <words>} and
     * {@code @PATH <id> <words>}, where the words (root first) are percent-encoded, blank-separated;
     * {@code @REACHABLE <id> <type> <file>:<line>} and then as {@code @HOLDER}.
     */
    private static byte parseHeapLine(byte token, byte[] b, int pos, int to, EventLine out) {
        pos = id(b, pos, to, out);
        if (pos < 0) {
            return LineKind.MALFORMED;
        }
        if (token == LineKind.REACHABLE) {
            pos = skipBlanks(b, pos, to);
            out.typeStart = pos;
            pos = skipWord(b, pos, to);
            out.typeEnd = pos;
            if (out.typeEnd == out.typeStart) {
                return malformed(out, "the type is missing");
            }
            pos = site(b, pos, to, out);
            if (pos < 0) {
                return LineKind.MALFORMED;
            }
        }
        if (token != LineKind.PATH) {
            pos = skipBlanks(b, pos, to);
            int start = pos;
            pos = skipWord(b, pos, to);
            out.count = parseLong(b, start, pos);
            pos = skipBlanks(b, pos, to);
            start = pos;
            pos = skipWord(b, pos, to);
            out.size = parseLong(b, start, pos);
            if (out.count < 0 || out.size < 0) {
                return malformed(out, "the objects and bytes are not whole numbers");
            }
        }
        if (token == LineKind.RETAINED) {
            return token;
        }
        int start = skipBlanks(b, pos, to);
        int end = to;
        while (end > start && isBlank(b[end - 1])) {
            end--;
        }
        if (end == start) {
            return malformed(out, "the root is missing");
        }
        out.wordsStart = start;
        out.wordsEnd = end;
        return token;
    }

    /** Reads the id word at {@code pos} into {@code out}; returns where the word ends, or -1 when the line is malformed. */
    private static int id(byte[] b, int pos, int to, EventLine out) {
        pos = skipBlanks(b, pos, to);
        int idStart = pos;
        pos = skipWord(b, pos, to);
        if (pos == idStart) {
            malformed(out, "the id is missing");
            return -1;
        }
        long id = parseLong(b, idStart, pos);
        if (id <= 0) {
            malformed(out, "the id is not a positive number");
            return -1;
        }
        out.id = id;
        return pos;
    }

    private static byte malformed(EventLine out, String why) {
        out.error = why;
        return LineKind.MALFORMED;
    }

    /** The decimal value of {@code b[from, to)}, or -1 if it is not all digits or overflows. */
    static long parseLong(byte[] b, int from, int to) {
        if (from >= to) {
            return -1;
        }
        boolean mayOverflow = to - from > 18; // 18 digits always fit; checking only then keeps division out of the loop
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9 || (mayOverflow && value > (Long.MAX_VALUE - digit) / 10)) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The kind of the token {@code b[from, to)}; {@link LineKind#OTHER} for one that is not ours. */
    private static byte tokenKind(byte[] b, int from, int to) {
        if (equals(b, from, to, ALLOCATE)) {
            return LineKind.ALLOCATE;
        }
        if (equals(b, from, to, DROP)) {
            return LineKind.DROP;
        }
        if (equals(b, from, to, GC)) {
            return LineKind.GC;
        }
        if (equals(b, from, to, STACK)) { // after the events: a log without stacks pays nothing for it
            return LineKind.STACK;
        }
        if (equals(b, from, to, COUNTS)) {
            return LineKind.COUNTS;
        }
        if (equals(b, from, to, LIBRARY)) {
            return LineKind.LIBRARY;
        }
        if (equals(b, from, to, PATH)) {
            return LineKind.PATH;
        }
        if (equals(b, from, to, HOLDER)) {
            return LineKind.HOLDER;
        }
        if (equals(b, from, to, RETAINED)) {
            return LineKind.RETAINED;
        }
        if (equals(b, from, to, REACHABLE)) {
            return LineKind.REACHABLE;
        }
        return LineKind.OTHER;
    }

    private static boolean equals(byte[] b, int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] word) {
        return to - from >= word.length && equals(b, from, from + word.length, word);
    }

    private static int skipBlanks(byte[] b, int pos, int to) {
        while (pos < to && isBlank(b[pos])) {
            pos++;
        }
        return pos;
    }

    private static int skipWord(byte[] b, int pos, int to) {
        while (pos < to && !isBlank(b[pos])) {
            pos++;
        }
        return pos;
    }

    private static boolean isBlank(byte c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\r'); // one comparison for most bytes
    }

    private static boolean isWordByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || c < 0; // part of a multi-byte UTF-8 character
    }
}

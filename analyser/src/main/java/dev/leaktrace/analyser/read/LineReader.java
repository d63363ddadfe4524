package dev.leaktrace.analyser.read;

import dev.leaktrace.analyser.parse.EventLineSink;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads a log on one thread: splits the byte stream into lines without decoding it, reusing one
 * buffer, and parses each ({@link ParsingLineHandler}). For a single core; with two,
 * {@link PipelinedReader} splits and parses the lines the same way on a thread of its own.
 *
 * <p>Decoding to Strings would cost more than the whole analysis; event lines are ASCII apart from
 * type and file names, which are only decoded once, when interned.
 */
public final class LineReader implements LogReader {
    /**
     * 64 KiB, small enough that the bytes just read are still in the core's cache when they are
     * parsed (docs/performance.md); grows for longer lines.
     */
    static final int DEFAULT_BUFFER = 1 << 16;
    /** A "line" longer than this is not a log line; stop rather than exhaust the heap. */
    public static final int MAX_LINE = 64 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final int initialBuffer;
    private long linesRead;

    public LineReader() {
        this(DEFAULT_BUFFER);
    }

    LineReader(int initialBuffer) {
        this.initialBuffer = initialBuffer;
    }

    @Override
    public long linesRead() {
        return linesRead;
    }

    @Override
    public void read(InputStream in, EventLineSink sink) throws IOException {
        read(in, new ParsingLineHandler(sink));
    }

    /** Feeds every line of {@code in} to {@code handler}; a trailing '\r' is stripped. */
    void read(InputStream in, LineHandler handler) throws IOException {
        byte[] buf = new byte[initialBuffer];
        int start = 0;
        int limit = 0;
        int scan = 0;
        long lineNumber = 0;
        while (true) {
            if (limit == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, limit - start);
                    limit -= start;
                    scan -= start;
                    start = 0;
                } else if (buf.length >= MAX_LINE) {
                    throw new IOException("line " + (lineNumber + 1) + " is longer than "
                            + (MAX_LINE >> 20) + " MiB; is this a text log?");
                } else {
                    byte[] bigger = new byte[Math.min(MAX_LINE, buf.length * 2)];
                    System.arraycopy(buf, 0, bigger, 0, limit);
                    buf = bigger;
                }
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
            while (true) {
                // Only a line not scanned yet is offered: one cut by a refill was already scanned in part,
                // and offering it after every small read of a long line would scan it again each time.
                int newline = scan == start ? handler.lineUpToNewline(buf, start, limit, lineNumber + 1) : -1;
                if (newline < 0) {
                    newline = indexOfNewline(buf, scan, limit);
                    if (newline < 0) {
                        break;
                    }
                    handler.line(buf, start, withoutCarriageReturn(buf, start, newline), lineNumber + 1, true);
                }
                lineNumber++;
                linesRead = lineNumber;
                start = scan = newline + 1;
            }
            scan = limit;
            if (start == limit) {
                start = limit = scan = 0;
            }
        }
        if (start < limit) {
            lineNumber++;
            handler.line(buf, start, withoutCarriageReturn(buf, start, limit), lineNumber, false);
            linesRead = lineNumber;
        }
    }

    /** The end of the line {@code b[start, end)} without the '\r' of a "\r\n" line end. */
    static int withoutCarriageReturn(byte[] b, int start, int end) {
        return end > start && b[end - 1] == '\r' ? end - 1 : end;
    }

    /**
     * The index of the first '\n' in {@code b[from, to)}, or -1. Tests eight bytes at a time (the
     * "has zero byte" trick on the word XOR '\n'), since finding line ends is most of the work of
     * reading a log; the lowest flagged byte is always a true match.
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

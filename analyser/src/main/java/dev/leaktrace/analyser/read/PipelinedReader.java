package dev.leaktrace.analyser.read;

import dev.leaktrace.analyser.parse.CanonicalLineParser;
import dev.leaktrace.analyser.parse.EventLine;
import dev.leaktrace.analyser.parse.EventLineParser;
import dev.leaktrace.analyser.parse.EventLineSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a log on two threads: a reading thread reads blocks of bytes, splits them into lines and
 * parses them ({@link CanonicalLineParser}, else {@link EventLineParser}), numbering the sites
 * ({@link EventLine#siteKey}); the calling thread hands them to the sink, the pairing, in file order.
 *
 * <p>Pairing, sampling and every report of a problem stay on the calling thread, one line after
 * the other, so the result and the messages are exactly those of reading on one thread: the
 * reading thread only does what depends on nothing but the line's own bytes.
 *
 * <p>Memory: {@link #BATCHES} blocks of {@link #BLOCK_SIZE} bytes; a line longer than a block
 * grows its block, up to {@link LineReader#MAX_LINE}, as {@link LineReader} does.
 */
public final class PipelinedReader implements LogReader {
    /**
     * Lines that start closer than this to the end of the bytes read wait for the next block, or,
     * at the end of the log (or of a block too small to hold them), go to the general parser. So
     * the fast parser never meets the end of the data within a line, a case so rare that the JIT
     * would compile it out and then compile again, and the general parser stays cold
     * (docs/performance.md).
     */
    private static final int FAST_PARSE_MARGIN = 256;

    /**
     * 256 KiB: at least the buffer of {@link LogInput}'s {@code BufferedInputStream}, so that reads
     * bypass it, and small enough that the blocks in flight stay in a core's cache (docs/performance.md).
     */
    public static final int BLOCK_SIZE = 1 << 18;

    /** Blocks in flight: one being read, one being paired, and some slack for uneven lines. */
    private static final int BATCHES = 4;

    private final BlockingQueue<LineBatch> free = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<LineBatch> full = new ArrayBlockingQueue<>(BATCHES);
    private long linesRead;

    private final int batchSize;

    /** @param batchSize bytes per block ({@link #BLOCK_SIZE}; tests use tiny blocks to cut lines often) */
    public PipelinedReader(int batchSize) {
        this.batchSize = batchSize;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new LineBatch(batchSize));
        }
    }

    @Override
    public long linesRead() {
        return linesRead;
    }

    /** {@inheritDoc} Each call starts a reading thread of its own. */
    @Override
    public void read(InputStream in, EventLineSink sink) throws IOException {
        Thread reader = new Thread(new Producer(in), "leaktrace-reader"); // not a lambda: see Producer
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                LineBatch batch = full.take();
                byte[] bytes = batch.bytes;
                for (int line = 0; line < batch.lines; line++) {
                    long lineNumber = linesRead + 1;
                    sink.line(bytes, lineNumber, batch.event(line));
                    linesRead = lineNumber;
                }
                if (batch.failure != null) {
                    throw rethrow(batch.failure);
                }
                if (batch.last) {
                    return;
                }
                batch.reset();
                free.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the log");
        } finally {
            reader.interrupt(); // stops it if pairing failed (--strict); a no-op once it has finished
        }
    }

    /** The reading thread's task; a class, not a lambda, as the path of {@code leaks} has none (docs/performance.md). */
    private final class Producer implements Runnable {
        private final InputStream in;

        Producer(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            produce(in);
        }
    }

    /** The reading thread: fills batches, splits and parses their lines, and passes them on. */
    private void produce(InputStream in) {
        CanonicalLineParser canonical = new CanonicalLineParser();
        EventLineParser general = new EventLineParser();
        long lines = 0;
        LineBatch batch;
        try {
            batch = free.take();
        } catch (InterruptedException e) {
            return;
        }
        try {
            while (true) {
                boolean end = fill(in, batch);
                int tail = split(batch, canonical, general, end);
                lines += batch.lines;
                if (end) {
                    if (tail < batch.limit) {
                        general.parse(batch.bytes, tail, LineReader.withoutCarriageReturn(batch.bytes, tail, batch.limit),
                                false, batch.next());
                        batch.add();
                    }
                    batch.last = true;
                    full.put(batch);
                    return;
                }
                if (tail == 0 && batch.limit == batch.bytes.length) {
                    grow(batch, lines); // one line fills the block: make room for the rest of it
                    continue;
                }
                LineBatch next = free.take();
                int carry = batch.limit - tail;
                if (carry >= next.bytes.length) {
                    next.bytes = new byte[Math.min(LineReader.MAX_LINE, Math.max(batchSize, carry * 2))];
                }
                System.arraycopy(batch.bytes, tail, next.bytes, 0, carry);
                next.limit = carry;
                batch.limit = tail;
                full.put(batch);
                batch = next;
            }
        } catch (InterruptedException e) {
            // the pairing thread failed and no longer listens
        } catch (Throwable failure) {
            // The complete lines read before the failure are kept, as LineReader keeps them; the
            // cut line after them is not a line.
            if (batch.lines == 0 && batch.failure == null) {
                split(batch, canonical, general, true);
            }
            batch.failure = failure;
            batch.last = true;
            try {
                full.put(batch);
            } catch (InterruptedException e) {
                // nobody is listening any more
            }
        }
    }

    /** Reads until the block is full or the input ends; returns whether it ended. */
    private static boolean fill(InputStream in, LineBatch batch) throws IOException {
        while (batch.limit < batch.bytes.length) {
            int n = in.read(batch.bytes, batch.limit, batch.bytes.length - batch.limit);
            if (n < 0) {
                return true;
            }
            batch.limit += n;
        }
        return false;
    }

    /**
     * Parses the complete lines of {@code batch.bytes[0, limit)} into the batch; returns where the
     * lines left for the next block start: the incomplete last line, if any, and unless
     * {@code atEnd}, the lines within {@link #FAST_PARSE_MARGIN} of the limit.
     */
    private static int split(LineBatch batch, CanonicalLineParser canonical, EventLineParser general,
            boolean atEnd) {
        byte[] b = batch.bytes;
        int limit = batch.limit;
        int start = 0;
        while (true) {
            boolean nearLimit = limit - start < FAST_PARSE_MARGIN;
            if (nearLimit && !atEnd && start > 0) {
                return start; // the next block starts with them (start > 0: a tiny block makes no progress)
            }
            EventLine event = batch.next();
            int newline = nearLimit ? -1 : canonical.parse(b, start, limit, event);
            if (newline < 0) {
                newline = LineReader.indexOfNewline(b, start, limit);
                if (newline < 0) {
                    return start;
                }
                general.parse(b, start, LineReader.withoutCarriageReturn(b, start, newline), event);
            }
            batch.add();
            start = newline + 1;
        }
    }

    /** Doubles the block of a line longer than it, or fails as {@link LineReader} does past its limit. */
    private static void grow(LineBatch batch, long linesBefore) throws IOException {
        if (batch.bytes.length >= LineReader.MAX_LINE) {
            throw new IOException("line " + (linesBefore + 1) + " is longer than "
                    + (LineReader.MAX_LINE >> 20) + " MiB; is this a text log?");
        }
        batch.bytes = Arrays.copyOf(batch.bytes, Math.min(LineReader.MAX_LINE, batch.bytes.length * 2));
    }

    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IOException(failure);
    }
}

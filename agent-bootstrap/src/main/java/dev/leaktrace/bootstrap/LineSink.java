package dev.leaktrace.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The output of event lines: each thread builds whole lines in its own {@link ThreadBuffer},
 * without a lock, so threads tracing at once do not wait for each other, and the writer thread
 * does the writing (a system call per 16 KB, the largest cost per line) off the application's
 * threads. Who writes what, and when: the Concurrency section of the package's documentation.
 */
public final class LineSink {
    static final long FLUSH_INTERVAL_MS = 200;
    /** How often the writer writes a @TIME line: often enough to place events within a second. */
    static final long TIME_MARK_INTERVAL_MS = 1000;
    private static final int CAPACITY = ThreadBuffers.CAPACITY;
    /** Buffers checked for an ended thread each time a thread takes one: more than it adds. */
    private static final int CHECKS_PER_NEW_BUFFER = 2;
    /**
     * Bytes waiting for the writer, at most (256 full buffers, some milliseconds of tracing: enough
     * to ride out the writer being descheduled); past this a thread writes its own (the disk is slow).
     */
    private static final long MAX_HANDED_OVER = 256L * CAPACITY;
    /** Bytes waiting when the writer is woken (see {@link #room}): four full buffers. */
    private static final long WAKE_WRITER_AT = 4L * CAPACITY;

    private final OutputStream out;
    private final String description;
    /** Orders hand-overs and direct writes; taken before {@link #streamLock}. */
    private final Object writeLock = new Object();
    /** Held while bytes go to the stream, so that what was handed over goes first, in order. */
    private final Object streamLock = new Object();
    /** Under the write lock. */
    private final ThreadBuffers buffers = new ThreadBuffers();
    /** Virtual threads' lines, a batch per lent state: each under its own spin lock. */
    private final LentLines lent = new LentLines();
    private final ConcurrentLinkedQueue<Chunk> handedOver = new ConcurrentLinkedQueue<>();
    private final AtomicLong handedOverBytes = new AtomicLong();
    /** Written-out arrays, reused for hand-overs so that steady tracing allocates none. */
    private final ConcurrentLinkedQueue<byte[]> spareArrays = new ConcurrentLinkedQueue<>();
    private final AtomicInteger spareCount = new AtomicInteger();
    /** Spare arrays kept, at most: enough for steady tracing, not the peak of a slow disk. */
    private static final int MAX_SPARE = 8;
    private volatile Thread writer;
    private volatile boolean writeThrough;
    /** Run at exit, in order, before everything is written out (see {@link #beforeExit}). */
    private final CopyOnWriteArrayList<Runnable> beforeExit = new CopyOnWriteArrayList<>();
    private boolean broken;
    /** Null unless time marks are asked for. */
    private volatile JvmClock clock;
    /** Where the JVM started on {@link System#nanoTime}'s scale; asked of the clock by the first mark. */
    private long jvmStartNanos;
    private volatile boolean jvmStartKnown;
    /** The @TIME line's bytes, filled under the write lock. */
    private final byte[] timeLine = new byte[LineFormat.MAX_FIXED_PART];

    private final class Writer implements Runnable {
        @Override
        public void run() {
            writeContinually();
        }
    }

    /** The exit's writing, on a thread of its own, so that the exit hook can stop waiting for it. */
    private final class ExitWrite implements Runnable {
        @Override
        public void run() {
            closeForExit();
        }
    }

    /**
     * The exit hook: waits for the exit's writing at most {@link #EXIT_DEADLINE_MS}. A JVM whose
     * output is stuck (a pipe nobody reads, a hung file system) or whose heap is exhausted must
     * still end when asked to; a shutdown hook that never returns would keep it alive for ever.
     */
    private final class ExitFlush implements Runnable {
        private final Thread exitWrite;

        ExitFlush(Thread exitWrite) {
            this.exitWrite = exitWrite;
        }

        @Override
        public void run() {
            try {
                exitWrite.start();
            } catch (Throwable noThread) {
                exitWrite.run(); // no thread to be had (out of memory): the hook writes, unbounded
                return;
            }
            long deadline = EXIT_DEADLINE_MS + exitWorkMillis;
            try {
                exitWrite.join(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (exitWrite.isAlive()) {
                Warnings.warn("could not finish writing the log within " + deadline / 1000
                        + " s at exit (output stuck, or the JVM out of memory); the JVM ends without the rest.");
            }
        }
    }

    /** How long the exit waits for the log to be written out. */
    static final long EXIT_DEADLINE_MS = 10_000;
    /** What the work before exit may add to {@link #EXIT_DEADLINE_MS} (a heap dump and its analysis). */
    private volatile long exitWorkMillis;

    /** Lines handed to the writer: {@code data[from, to)}. */
    private static final class Chunk {
        final byte[] data;
        final int from;
        final int to;

        Chunk(byte[] data, int from, int to) {
            this.data = data;
            this.from = from;
            this.to = to;
        }
    }

    public LineSink(OutputStream out, String description) {
        this.out = out;
        this.description = description;
    }

    /** Starts the writer (which also flushes periodically) and the flush at exit. */
    public void start() {
        Thread thread = AgentThreads.newThread(new Writer(), "leaktrace-writer");
        writer = thread;
        thread.start();
        // Made now, not at exit, when there may be no memory left to make it.
        Thread exitWrite = AgentThreads.newThread(new ExitWrite(), "leaktrace-exit-write");
        Runtime.getRuntime().addShutdownHook(AgentThreads.newThread(new ExitFlush(exitWrite), "leaktrace-exit-flush"));
    }

    /**
     * Makes the writer write a @TIME line when it starts, about once a second and at exit, in
     * milliseconds since {@code clock}'s start. Call before {@link #start}.
     */
    public void writeTimeMarks(JvmClock clock) {
        this.clock = clock;
    }

    /**
     * A @TIME line now; from the agent's own threads only, so that no application thread pays for
     * it, nor the agent's start for asking the clock (a tenth of a second on a loaded machine).
     */
    private void writeTimeMark() {
        JvmClock source = clock;
        if (source == null) {
            return;
        }
        // Asked outside the lock: the first answer loads classes, and lines wait on the lock.
        long start = jvmStartKnown ? 0 : source.startNanos();
        synchronized (writeLock) {
            if (!jvmStartKnown) {
                jvmStartNanos = start;
                jvmStartKnown = true;
            }
            long millis = (System.nanoTime() - jvmStartNanos) / 1_000_000;
            writeLine(timeLine, LineFormat.time(timeLine, 0, millis));
        }
    }

    /**
     * Work for the exit hook to do before its first flush, after the work given before (the
     * reaper's, for the GC's last collections; then the heap dump's, for paths).
     */
    public void beforeExit(Runnable task) {
        beforeExit(task, 0);
    }

    /** {@link #beforeExit(Runnable)} for work that may take up to {@code mayTakeMillis} more at exit. */
    public void beforeExit(Runnable task, long mayTakeMillis) {
        beforeExit.add(task);
        exitWorkMillis += mayTakeMillis;
    }

    /** A header line, written at once; callers pass text starting with '#'. */
    public void comment(String text) {
        line(text);
    }

    /** A whole line (a header, or one the agent adds at exit), written at once. */
    public void line(String text) {
        byte[] bytes = (text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        writeLine(bytes, bytes.length);
        synchronized (streamLock) {
            flushStream();
        }
    }

    /** A platform thread's own buffer; null when none can be had (out of memory). */
    private ThreadBuffer bufferOf(ThreadState thread) {
        ThreadBuffer buffer = thread.buffer;
        if (buffer == null || thread.bufferSink != this) {
            try {
                synchronized (writeLock) {
                    retireEnded(CHECKS_PER_NEW_BUFFER);
                    buffer = buffers.register(Thread.currentThread());
                }
            } catch (OutOfMemoryError e) {
                return null;
            }
            thread.buffer = buffer;
            thread.bufferSink = this;
        }
        return buffer;
    }

    /**
     * Under the write lock: of the next {@code checks} buffers in the round, writes out and retires
     * those whose thread ended.
     */
    private void retireEnded(int checks) {
        for (int i = 0; i < checks; i++) {
            ThreadBuffer candidate = buffers.candidate();
            if (candidate == null) {
                return;
            }
            if (candidate.isOrphan()) {
                writePublished(candidate);
                buffers.retireCandidate();
            } else {
                buffers.keepCandidate();
            }
        }
    }

    void allocate(ThreadState thread, TrackedRef entry, byte[] type, byte[] frames) {
        allocate(thread, entry, type, frames, null);
    }

    /**
     * Appends an @ALLOCATE line, the object's @LIBRARY line when its {@code new} ran in library
     * code, and its @STACK line when it has one; the entry remembers where they end, so that a drop
     * on another thread can write them out first.
     */
    void allocate(ThreadState thread, TrackedRef entry, byte[] type, byte[] frames, byte[] librarySite) {
        int length = LineFormat.MAX_FIXED_PART + type.length + entry.site.length
                + (frames == null ? 0 : LineFormat.MAX_FIXED_PART + frames.length)
                + (librarySite == null ? 0 : LineFormat.MAX_FIXED_PART + librarySite.length);
        ThreadBuffer buffer = null;
        if (!thread.lent) {
            buffer = bufferOf(thread);
        } else if (allocateLent(thread, entry, length, frames, librarySite)) {
            return;
        }
        int at = buffer == null ? -1 : room(buffer, length);
        if (at < 0) {
            byte[] lines = new byte[length];
            int end = LineFormat.allocate(lines, 0, type, entry.size, entry.site, entry.id);
            end = extraLines(lines, end, entry.id, frames, librarySite);
            handOverLine(lines, end);
            return;
        }
        thread.setId(entry.id);
        int end = LineFormat.allocate(buffer.data, at, entry.type, entry.size, entry.site, thread);
        end = extraLines(buffer.data, end, entry.id, frames, librarySite);
        buffer.publish(end);
        entry.owner = buffer;
        entry.ownerEnd = buffer.end();
        afterLine(buffer);
    }

    private static int extraLines(byte[] buf, int end, long id, byte[] frames, byte[] librarySite) {
        if (librarySite != null) {
            end = LineFormat.library(buf, end, id, librarySite);
        }
        if (frames != null) {
            end = LineFormat.stack(buf, end, id, frames);
        }
        return end;
    }

    /** Appends a @DROP or @GC line, after making sure the object's @ALLOCATE is out first. */
    void release(ThreadState thread, TrackedRef entry, byte[] keyword) {
        ThreadBuffer own = thread.lent ? lentLinesOf(thread) : bufferOf(thread);
        ThreadBuffer allocatedBy = entry.owner;
        if (allocatedBy != null && allocatedBy != own && allocatedBy.writtenTotal < entry.ownerEnd) {
            if (allocatedBy.lent) {
                handOverLent(allocatedBy);
            } else {
                synchronized (writeLock) {
                    writePublished(allocatedBy);
                }
            }
        }
        byte[] type = entry.type.nameBytes;
        int length = LineFormat.MAX_FIXED_PART + type.length;
        if (own != null && own.lent) {
            if (releaseLent(own, thread, entry, keyword, length)) {
                return;
            }
            own = null;
        }
        ThreadBuffer buffer = own;
        int at = buffer == null ? -1 : room(buffer, length);
        if (at < 0) {
            byte[] line = new byte[length];
            handOverLine(line, LineFormat.release(line, 0, keyword, type, entry.size, entry.id));
            return;
        }
        thread.setId(entry.id);
        buffer.publish(LineFormat.release(buffer.data, at, keyword, entry.type, entry.size, thread));
        afterLine(buffer);
    }

    /**
     * The batch a lent state's lines go to; null when they are handed over one by one instead
     * (a state of one thread, no memory for a batch, no writer yet, or the exit begun).
     */
    private ThreadBuffer lentLinesOf(ThreadState thread) {
        return writer == null || writeThrough ? null : lent.of(thread);
    }

    /** A lent state's @ALLOCATE (and @LIBRARY, @STACK) into its batch; false when it goes elsewhere. */
    private boolean allocateLent(ThreadState thread, TrackedRef entry, int length, byte[] frames, byte[] librarySite) {
        ThreadBuffer lines = lentLinesOf(thread);
        if (lines == null) {
            return false;
        }
        int at;
        LentLines.lock(lines);
        try {
            at = lentRoom(lines, length);
            if (at >= 0) {
                thread.setId(entry.id);
                int end = LineFormat.allocate(lines.data, at, entry.type, entry.size, entry.site, thread);
                end = extraLines(lines.data, end, entry.id, frames, librarySite);
                lines.publish(end);
                entry.owner = lines;
                entry.ownerEnd = lines.end();
            }
        } finally {
            LentLines.unlock(lines);
        }
        return afterLent(lines, at);
    }

    /** A lent state's @DROP or @GC into its batch; false when it goes elsewhere. */
    private boolean releaseLent(ThreadBuffer lines, ThreadState thread, TrackedRef entry, byte[] keyword, int length) {
        int at;
        LentLines.lock(lines);
        try {
            at = lentRoom(lines, length);
            if (at >= 0) {
                thread.setId(entry.id);
                lines.publish(LineFormat.release(lines.data, at, keyword, entry.type, entry.size, thread));
            }
        } finally {
            LentLines.unlock(lines);
        }
        return afterLent(lines, at);
    }

    /** {@link #lentRoom} found no memory to hand the batch over: it could take no line. */
    private static final int LENT_STUCK = -2;

    /**
     * Under the batch's lock: where a line of at most {@code length} bytes goes, handing the full
     * batch over first; -1 when the line never fits (the batch is empty then), or
     * {@link #LENT_STUCK}.
     */
    private int lentRoom(ThreadBuffer lines, int length) {
        int at = lines.published;
        if (at + length <= lines.data.length) {
            return at;
        }
        if (!handOverLentLocked(lines)) {
            return LENT_STUCK;
        }
        return length <= lines.data.length ? 0 : -1;
    }

    /**
     * After a line went into a batch, or did not ({@code at} negative, when the caller hands it
     * over on its own, after the batch): the exit's write-through (read after the line, as
     * {@link #afterLine} does), the writer's lag, and a batch that could not be handed over.
     */
    private boolean afterLent(ThreadBuffer lines, int at) {
        if (at == LENT_STUCK || writeThrough) {
            writeLentOut(lines);
            if (writeThrough) {
                synchronized (streamLock) {
                    flushStream();
                }
            }
        } else if (handedOverBytes.get() >= MAX_HANDED_OVER) {
            // The disk is slow: this thread writes what waits, as a platform thread would.
            synchronized (writeLock) {
                synchronized (streamLock) {
                    writeHandedOver();
                }
            }
        }
        return at >= 0;
    }

    /** Hands a batch's lines to the writer's queue (another thread's drop needs them out first). */
    private void handOverLent(ThreadBuffer lines) {
        boolean handed;
        LentLines.lock(lines);
        try {
            handed = handOverLentLocked(lines);
        } finally {
            LentLines.unlock(lines);
        }
        if (!handed) {
            writeLentOut(lines);
        }
    }

    /**
     * Under the batch's lock: hands its lines to the writer's queue and gives it a fresh array;
     * false when there is no memory for that (the caller writes them out instead).
     */
    private boolean handOverLentLocked(ThreadBuffer lines) {
        int count = lines.published;
        if (count == 0) {
            return true;
        }
        byte[] fresh = spareArrays.poll();
        if (fresh != null) {
            spareCount.decrementAndGet();
        }
        try {
            if (fresh == null) {
                fresh = new byte[CAPACITY];
            }
            handedOver.add(new Chunk(lines.data, 0, count));
        } catch (OutOfMemoryError e) {
            return false;
        }
        long waiting = handedOverBytes.addAndGet(count);
        lines.data = fresh;
        lines.chunkStart += count;
        lines.publish(0);
        lines.writtenTotal = lines.chunkStart; // after the chunk is queued: it precedes any later write
        if (waiting >= WAKE_WRITER_AT && waiting - count < WAKE_WRITER_AT) {
            LockSupport.unpark(writer);
        }
        return true;
    }

    /** Writes a batch's lines out here, after what was handed over (the write lock, then the batch's). */
    private void writeLentOut(ThreadBuffer lines) {
        synchronized (writeLock) {
            LentLines.lock(lines);
            try {
                writeLentLocked(lines);
            } finally {
                LentLines.unlock(lines);
            }
        }
    }

    /** Under the write lock and the batch's lock. */
    private void writeLentLocked(ThreadBuffer lines) {
        int count = lines.published;
        synchronized (streamLock) {
            writeHandedOver();
            writeOut(lines.data, 0, count);
        }
        lines.chunkStart += count;
        lines.publish(0);
        lines.writtenTotal = lines.chunkStart;
    }

    /** Under the write lock: every batch's lines to the writer's queue (or out, without memory). */
    private void handOverAllLent() {
        for (int i = 0; i < lent.slots(); i++) {
            ThreadBuffer lines = lent.at(i);
            if (lines == null) {
                continue;
            }
            LentLines.lock(lines);
            try {
                if (!handOverLentLocked(lines)) {
                    writeLentLocked(lines);
                }
            } finally {
                LentLines.unlock(lines);
            }
        }
    }

    /** Where a line of at most {@code length} bytes goes in the buffer, or -1 when it never fits. */
    private int room(ThreadBuffer buffer, int length) {
        int at = buffer.published;
        if (at + length <= buffer.data.length) {
            return at;
        }
        boolean handed;
        synchronized (writeLock) {
            handed = handOver(buffer);
            if (!handed) {
                writePublished(buffer);
                grow(buffer);
            }
            buffer.chunkStart += buffer.published;
            buffer.writtenTotal = buffer.chunkStart;
            buffer.written = 0;
            buffer.published = 0;
        }
        if (handed && handedOverBytes.get() >= WAKE_WRITER_AT) {
            // The writer only sleeps with little handed over: wake it once a few buffers wait, not
            // for each, as a wake-up is a system call; fewer wait for the periodic flush at most.
            LockSupport.unpark(writer);
        }
        return length <= buffer.data.length ? 0 : -1;
    }

    /** Under the write lock, its lines written out: a buffer's first, small array makes way for a full one. */
    private static void grow(ThreadBuffer buffer) {
        if (buffer.data.length < CAPACITY) {
            try {
                buffer.data = new byte[CAPACITY];
            } catch (OutOfMemoryError e) {
                // it goes on with the small one
            }
        }
    }

    /**
     * Under the write lock: gives the buffer's unwritten lines to the writer and a fresh array to
     * the buffer; false when the lines must be written here (no writer yet, exit begun, the writer
     * behind, no memory for an array).
     */
    private boolean handOver(ThreadBuffer buffer) {
        if (writer == null || writeThrough || handedOverBytes.get() >= MAX_HANDED_OVER) {
            return false;
        }
        byte[] fresh = spareArrays.poll();
        if (fresh != null) {
            spareCount.decrementAndGet();
        }
        boolean lines = buffer.published > buffer.written;
        try {
            if (fresh == null) {
                fresh = new byte[CAPACITY];
            }
            if (lines) {
                handedOver.add(new Chunk(buffer.data, buffer.written, buffer.published));
            }
        } catch (OutOfMemoryError e) {
            return false; // nothing was handed over: the caller writes the lines itself
        }
        if (lines) {
            handedOverBytes.addAndGet(buffer.published - buffer.written);
        } else {
            recycle(buffer.data);
        }
        buffer.data = fresh;
        return true;
    }

    /** Keeps a few written-out arrays for reuse; the rest (after the writer fell behind) go to the GC. */
    private void recycle(byte[] array) {
        if (array.length != CAPACITY || spareCount.get() >= MAX_SPARE) {
            return;
        }
        try {
            spareArrays.add(array);
            spareCount.incrementAndGet();
        } catch (OutOfMemoryError e) {
            // the array is simply not reused
        }
    }

    /** Under the stream lock: writes everything handed over, oldest first. */
    private void writeHandedOver() {
        Chunk chunk;
        while ((chunk = handedOver.poll()) != null) {
            handedOverBytes.addAndGet(chunk.from - chunk.to);
            writeOut(chunk.data, chunk.from, chunk.to - chunk.from);
            recycle(chunk.data);
        }
    }

    private void afterLine(ThreadBuffer buffer) {
        // Read after publishing (the package's Concurrency section: the two exit flushes).
        if (writeThrough) {
            synchronized (writeLock) {
                writePublished(buffer);
                flushStream();
            }
        }
    }

    /**
     * A line outside any buffer (a virtual thread's, or one too long for its buffer) goes into the
     * queue of what was handed over, which every write to the stream empties first: so it follows
     * whatever its thread wrote before, and precedes whatever is written after it. It is written
     * here instead when the writer cannot take it (not started, or behind).
     */
    private void handOverLine(byte[] line, int length) {
        if (writer == null || handedOverBytes.get() >= MAX_HANDED_OVER) {
            writeLine(line, length);
            return;
        }
        try {
            handedOver.add(new Chunk(line, 0, length));
        } catch (OutOfMemoryError e) {
            writeLine(line, length);
            return;
        }
        long waiting = handedOverBytes.addAndGet(length);
        // Read after the hand-over, as afterLine reads it after publishing (the two exit flushes).
        if (writeThrough) {
            synchronized (writeLock) {
                synchronized (streamLock) {
                    writeHandedOver();
                    flushStream();
                }
            }
        } else if (waiting >= WAKE_WRITER_AT && waiting - length < WAKE_WRITER_AT) {
            LockSupport.unpark(writer);
        }
    }

    /** Whole lines written at once, after what was handed over (the survivor watch's @COUNTS). */
    void writeLines(byte[] lines, int length) {
        writeLine(lines, length);
    }

    private void writeLine(byte[] line, int length) {
        synchronized (writeLock) {
            synchronized (streamLock) {
                writeHandedOver();
                writeOut(line, 0, length);
                if (writeThrough) {
                    flushStream();
                }
            }
        }
    }

    /** Under the write lock: writes what the buffer published and nobody wrote out yet. */
    private void writePublished(ThreadBuffer buffer) {
        int published = buffer.published;
        if (published > buffer.written) {
            synchronized (streamLock) {
                writeHandedOver();
                writeOut(buffer.data, buffer.written, published - buffer.written);
            }
            buffer.written = published;
        }
        buffer.writtenTotal = buffer.chunkStart + published;
    }

    /** Writes out everything handed over and every thread's published lines. */
    public void flush() {
        synchronized (writeLock) {
            handOverAllLent();
            synchronized (streamLock) {
                writeHandedOver();
            }
            for (int i = 0; i < buffers.count(); i++) {
                writePublished(buffers.at(i));
            }
            synchronized (streamLock) {
                flushStream();
            }
        }
    }

    private void writeOut(byte[] bytes, int offset, int length) {
        if (broken || length == 0) {
            return;
        }
        try {
            out.write(bytes, offset, length);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void flushStream() {
        if (broken) {
            return;
        }
        try {
            out.flush();
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        broken = true;
        Warnings.warn("cannot write to " + description + " (" + (e.getMessage() != null ? e.getMessage() : e.toString())
                + "); tracing output stops here, the application goes on. Check the disk and the 'output' setting.");
    }

    /** The writer thread: writes what is handed over as it comes, and flushes everything periodically. */
    private void writeContinually() {
        long nextFlush = System.nanoTime() + FLUSH_INTERVAL_MS * 1_000_000;
        long nextMark = System.nanoTime() + TIME_MARK_INTERVAL_MS * 1_000_000;
        try {
            writeTimeMark();
        } catch (Throwable ignored) {
            // a missing mark costs the report some precision, nothing more
        }
        while (true) {
            try {
                long wait = nextFlush - System.nanoTime();
                if (wait <= 0) {
                    flush();
                    forgetFinishedThreads();
                    if (System.nanoTime() - nextMark >= 0) {
                        // After the flush: the lines before the mark were published before its time.
                        writeTimeMark();
                        nextMark = System.nanoTime() + TIME_MARK_INTERVAL_MS * 1_000_000;
                    }
                    nextFlush = System.nanoTime() + FLUSH_INTERVAL_MS * 1_000_000;
                } else if (handedOverBytes.get() < WAKE_WRITER_AT) {
                    LockSupport.parkNanos(this, wait);
                } else {
                    synchronized (streamLock) {
                        writeHandedOver();
                    }
                }
            } catch (Throwable ignored) {
                // keep writing; a failure is reported once by fail()
            }
        }
    }

    /** A whole round of checks: the buffers of threads that ended are written out and retired. */
    private void forgetFinishedThreads() {
        synchronized (writeLock) {
            retireEnded(buffers.count());
        }
    }

    /** The exit hook's work: the task before exit, then the two exit flushes of the package's Concurrency section. */
    void closeForExit() {
        for (Runnable task : beforeExit) {
            try {
                task.run();
            } catch (Throwable ignored) {
                // the lines must be written out all the same
            }
        }
        writeThrough = true;
        flush();
        // parkNanos may return early (spuriously, or at once when interrupted): wait out the time.
        long deadline = System.nanoTime() + EXIT_SECOND_FLUSH_NANOS;
        for (long left = EXIT_SECOND_FLUSH_NANOS; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        flush();
        try {
            writeTimeMark(); // write-through by now: it reaches the stream at once
        } catch (Throwable ignored) {
            // the log is whole without it
        }
    }

    private static final long EXIT_SECOND_FLUSH_NANOS = 1_000_000;
}

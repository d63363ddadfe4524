package dev.leaktrace.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The output of event lines. Each thread builds whole lines in its own {@link ThreadBuffer},
 * without a lock, so threads tracing at once do not wait for each other; buffers go out whole
 * lines at a time under one write lock, so no line is torn or interleaved. An object's @DROP may be
 * written on another thread than its @ALLOCATE: the dropping thread first writes out the
 * allocating thread's buffer up to that line, so a drop never precedes its allocation.
 * Buffers are written when full, by a daemon every {@link #FLUSH_INTERVAL_MS} ms (a killed JVM
 * loses at most that much), and at exit; once exit begins, every line is written at once.
 */
public final class LineSink {
    static final long FLUSH_INTERVAL_MS = 200;
    private static final int CAPACITY = 1 << 14;

    private final OutputStream out;
    private final String description;
    private final Object writeLock = new Object();
    private final CopyOnWriteArrayList<ThreadBuffer> buffers = new CopyOnWriteArrayList<>();
    private volatile boolean writeThrough;
    private boolean broken;

    public LineSink(OutputStream out, String description) {
        this.out = out;
        this.description = description;
    }

    /** Starts the periodic flush and the flush at exit. */
    public void start() {
        Thread flusher = new Thread(this::flushPeriodically, "leaktrace-flush");
        flusher.setDaemon(true);
        flusher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeForExit, "leaktrace-exit-flush"));
    }

    /** A header line, written at once; callers pass text starting with '#'. */
    public void comment(String text) {
        byte[] bytes = (text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writeLock) {
            writeOut(bytes, 0, bytes.length);
            flushStream();
        }
    }

    private ThreadBuffer bufferOf(ThreadState thread) {
        ThreadBuffer buffer = thread.buffer;
        if (buffer == null || thread.bufferSink != this) {
            buffer = new ThreadBuffer(Thread.currentThread(), CAPACITY);
            buffers.add(buffer);
            thread.buffer = buffer;
            thread.bufferSink = this;
        }
        return buffer;
    }

    /** Appends an @ALLOCATE line; the entry remembers where, for a drop on another thread. */
    void allocate(ThreadState thread, TrackedRef entry, byte[] type) {
        ThreadBuffer buffer = bufferOf(thread);
        int length = LineFormat.MAX_FIXED_PART + type.length + entry.site.length;
        int at = room(buffer, length);
        if (at < 0) {
            byte[] line = new byte[length];
            writeLine(line, LineFormat.allocate(line, 0, type, entry.size, entry.site, entry.id));
            return;
        }
        buffer.published = LineFormat.allocate(buffer.data, at, type, entry.size, entry.site, entry.id);
        entry.owner = buffer;
        entry.ownerEnd = buffer.end();
        afterLine(buffer);
    }

    /** Appends a @DROP or @GC line, after making sure the object's @ALLOCATE is out first. */
    void release(ThreadState thread, TrackedRef entry, byte[] keyword) {
        ThreadBuffer allocatedBy = entry.owner;
        ThreadBuffer buffer = bufferOf(thread);
        if (allocatedBy != null && allocatedBy != buffer && allocatedBy.writtenTotal < entry.ownerEnd) {
            synchronized (writeLock) {
                writePublished(allocatedBy);
            }
        }
        byte[] type = entry.type.nameBytes;
        int length = LineFormat.MAX_FIXED_PART + type.length;
        int at = room(buffer, length);
        if (at < 0) {
            byte[] line = new byte[length];
            writeLine(line, LineFormat.release(line, 0, keyword, type, entry.size, entry.id));
            return;
        }
        buffer.published = LineFormat.release(buffer.data, at, keyword, type, entry.size, entry.id);
        afterLine(buffer);
    }

    /** Where a line of at most {@code length} bytes goes in the buffer, or -1 when it never fits. */
    private int room(ThreadBuffer buffer, int length) {
        int at = buffer.published;
        if (at + length <= buffer.data.length) {
            return at;
        }
        synchronized (writeLock) {
            writePublished(buffer);
            buffer.chunkStart += buffer.published;
            buffer.written = 0;
            buffer.published = 0;
        }
        return length <= buffer.data.length ? 0 : -1;
    }

    private void afterLine(ThreadBuffer buffer) {
        // Read after publishing: either the exit flush sees this line, or this thread sees the exit.
        if (writeThrough) {
            synchronized (writeLock) {
                writePublished(buffer);
                flushStream();
            }
        }
    }

    private void writeLine(byte[] line, int length) {
        synchronized (writeLock) {
            writeOut(line, 0, length);
            if (writeThrough) {
                flushStream();
            }
        }
    }

    /** Under the write lock: writes what the buffer published and nobody wrote out yet. */
    private void writePublished(ThreadBuffer buffer) {
        int published = buffer.published;
        if (published > buffer.written) {
            writeOut(buffer.data, buffer.written, published - buffer.written);
            buffer.written = published;
        }
        buffer.writtenTotal = buffer.chunkStart + published;
    }

    /** Writes out every thread's published lines. */
    public void flush() {
        synchronized (writeLock) {
            for (ThreadBuffer buffer : buffers) {
                writePublished(buffer);
            }
            flushStream();
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
        Warnings.warn("cannot write to " + description + " (" + e.getMessage()
                + "); tracing output stops here, the application goes on. Check the disk and the 'output' setting.");
    }

    private void flushPeriodically() {
        while (true) {
            try {
                Thread.sleep(FLUSH_INTERVAL_MS);
                flush();
                forgetFinishedThreads();
            } catch (InterruptedException e) {
                return;
            } catch (Throwable ignored) {
                // keep flushing; a failure is reported once by fail()
            }
        }
    }

    /** Buffers of threads that ended are dropped once written out (just done by flush()). */
    private void forgetFinishedThreads() {
        for (ThreadBuffer buffer : buffers) {
            if (buffer.isOrphan()) {
                synchronized (writeLock) {
                    writePublished(buffer);
                    buffers.remove(buffer);
                }
            }
        }
    }

    /** From here on lines are written at once: other shutdown hooks may still create or drop objects. */
    void closeForExit() {
        writeThrough = true;
        flush();
    }
}

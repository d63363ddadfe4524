package dev.leaktrace.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The output of event lines. Lines are built whole in one buffer under one lock, so they are never
 * torn or interleaved, and leave in the order they happened (an object's @ALLOCATE always comes
 * before its @DROP). The buffer is written out when full, by a daemon every
 * {@link #FLUSH_INTERVAL_MS} ms (so a killed JVM loses at most that much), and at exit; after exit
 * begins, every line is written through at once.
 */
public final class LineSink {
    static final long FLUSH_INTERVAL_MS = 200;
    private static final int CAPACITY = 1 << 16;

    private final OutputStream out;
    private final String description;
    private final byte[] buffer = new byte[CAPACITY];
    private int position;
    private boolean writeThrough;
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

    /** A header line; callers pass text starting with '#'. */
    public synchronized void comment(String text) {
        byte[] bytes = (text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        ensureRoom(bytes.length);
        if (bytes.length > buffer.length) {
            writeOut(bytes, bytes.length);
        } else {
            position = LineFormat.put(buffer, position, bytes);
        }
        afterLine();
    }

    synchronized void allocate(byte[] type, long size, byte[] site, long id) {
        int length = LineFormat.MAX_FIXED_PART + type.length + site.length;
        ensureRoom(length);
        if (length > buffer.length) {
            byte[] line = new byte[length];
            writeOut(line, LineFormat.allocate(line, 0, type, size, site, id));
        } else {
            position = LineFormat.allocate(buffer, position, type, size, site, id);
        }
        afterLine();
    }

    synchronized void release(byte[] keyword, byte[] type, long size, long id) {
        int length = LineFormat.MAX_FIXED_PART + type.length;
        ensureRoom(length);
        if (length > buffer.length) {
            byte[] line = new byte[length];
            writeOut(line, LineFormat.release(line, 0, keyword, type, size, id));
        } else {
            position = LineFormat.release(buffer, position, keyword, type, size, id);
        }
        afterLine();
    }

    public synchronized void flush() {
        if (position > 0) {
            writeOut(buffer, position);
            position = 0;
        }
        if (!broken) {
            try {
                out.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private void ensureRoom(int length) {
        if (position + length > buffer.length) {
            writeOut(buffer, position);
            position = 0;
        }
    }

    private void afterLine() {
        if (writeThrough) {
            flush();
        }
    }

    private void writeOut(byte[] bytes, int length) {
        if (broken || length == 0) {
            return;
        }
        try {
            out.write(bytes, 0, length);
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
            } catch (InterruptedException e) {
                return;
            } catch (Throwable ignored) {
                // keep flushing; a failure is reported once by fail()
            }
        }
    }

    /** From here on lines are written at once: other shutdown hooks may still create or drop objects. */
    synchronized void closeForExit() {
        writeThrough = true;
        flush();
    }
}

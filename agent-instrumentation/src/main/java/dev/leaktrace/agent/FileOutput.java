package dev.leaktrace.agent;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The log file, written in large page-aligned pieces: the kernel's cost of a buffered write is
 * mostly per page, and a page written whole is not zeroed first. A file stream rather than a
 * channel, since a channel's write consults the calling thread: an interrupted thread would close
 * the log for good, and a thread the JVM is still constructing (one it attaches, as at exit) has
 * no interrupt lock yet. Callers write one at a time (the sink's stream lock).
 */
final class FileOutput extends OutputStream {
    private static final int PAGE = 4096;
    private static final int CAPACITY = 1 << 20;

    private final FileOutputStream file;
    private final byte[] buffer = new byte[CAPACITY];
    private int filled;
    /** File offset of buffer[0]. */
    private long position;

    FileOutput(Path path) throws IOException {
        file = new FileOutputStream(path.toFile());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, CAPACITY - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == CAPACITY) {
                writeWholePages();
            }
        }
    }

    /** Writes the buffer up to the last page boundary of the file; the rest moves to the front. */
    private void writeWholePages() throws IOException {
        long end = position + filled;
        int whole = (int) ((end & -PAGE) - position);
        if (whole <= 0) {
            writeAll();
            return;
        }
        file.write(buffer, 0, whole);
        position += whole;
        filled -= whole;
        System.arraycopy(buffer, whole, buffer, 0, filled);
    }

    private void writeAll() throws IOException {
        file.write(buffer, 0, filled);
        position += filled;
        filled = 0;
    }

    @Override
    public void flush() throws IOException {
        writeAll();
    }

    @Override
    public void close() throws IOException {
        flush();
        file.close();
    }
}

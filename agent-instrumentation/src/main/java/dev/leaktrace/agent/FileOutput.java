package dev.leaktrace.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The log file, written in large page-aligned pieces from a buffer outside the heap: the kernel's
 * cost of a buffered write is mostly per page, a page written whole is not zeroed first, and a
 * direct buffer spares the copy that writing a heap array takes. Only the writer and the flush
 * at exit write here, one at a time (the sink's stream lock).
 */
final class FileOutput extends OutputStream {
    private static final int PAGE = 4096;
    private static final int CAPACITY = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CAPACITY);
    /** File offset of buffer[0]. */
    private long position;

    FileOutput(Path path) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
            if (!buffer.hasRemaining()) {
                writeWholePages();
            }
        }
    }

    /** Writes the buffer up to the last page boundary of the file; the rest moves to the front. */
    private void writeWholePages() throws IOException {
        long end = position + buffer.position();
        int whole = (int) ((end & -PAGE) - position);
        if (whole <= 0) {
            writeAll();
            return;
        }
        buffer.flip();
        buffer.limit(whole);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        position += whole;
        buffer.limit((int) (end - position + whole));
        buffer.compact();
    }

    private void writeAll() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        position += buffer.limit();
        buffer.clear();
    }

    @Override
    public void flush() throws IOException {
        writeAll();
    }

    @Override
    public void close() throws IOException {
        flush();
        channel.close();
    }
}

package dev.leaktrace.analyser.heap;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A heap dump's bytes, big-endian as HPROF writes them, read through one buffer that is refilled
 * from the file: sequential reads cost a bounds check each, and a seek within the buffer is free.
 */
final class HprofInput implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    /** The file offset of the buffer's first byte. */
    private long bufferStart;
    private final long size;
    private int idSize = 8;

    HprofInput(Path file, int bufferBytes) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.buffer = ByteBuffer.allocate(bufferBytes);
        this.buffer.limit(0);
        this.size = channel.size();
    }

    void idSize(int bytes) {
        idSize = bytes;
    }

    int idSize() {
        return idSize;
    }

    long size() {
        return size;
    }

    Path file() {
        return file;
    }

    long position() {
        return bufferStart + buffer.position();
    }

    void seek(long to) {
        if (to >= bufferStart && to <= bufferStart + buffer.limit()) {
            buffer.position((int) (to - bufferStart));
        } else {
            bufferStart = to;
            buffer.position(0).limit(0);
        }
    }

    /** Makes the next {@code bytes} readable from the buffer (at most its capacity). */
    void need(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        if (bytes > buffer.capacity()) {
            throw new IOException(file + ": a record of " + bytes + " bytes at byte " + position()
                    + " is larger than any a heap dump writes: the file is not a heap dump, or damaged");
        }
        bufferStart += buffer.position();
        buffer.compact();
        while (buffer.position() < bytes) {
            if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                buffer.flip();
                throw new EOFException(file + " ends at byte " + size + ", inside a record that needs "
                        + bytes + " bytes at byte " + bufferStart + ": the heap dump is truncated (was it still being written?)");
            }
        }
        buffer.flip();
    }

    /** The buffer, positioned at the next byte, for reads at offsets after {@link #need}. */
    ByteBuffer buffer() {
        return buffer;
    }

    int u1() throws IOException {
        need(1);
        return buffer.get() & 0xFF;
    }

    int u2() throws IOException {
        need(2);
        return buffer.getShort() & 0xFFFF;
    }

    int u4() throws IOException {
        need(4);
        return buffer.getInt();
    }

    long u8() throws IOException {
        need(8);
        return buffer.getLong();
    }

    long id() throws IOException {
        need(idSize);
        return idSize == 4 ? buffer.getInt() & 0xFFFFFFFFL : buffer.getLong();
    }

    /** The id at {@code offset} bytes past the current position, which {@link #need} made readable. */
    long idAt(int offset) {
        int at = buffer.position() + offset;
        return idSize == 4 ? buffer.getInt(at) & 0xFFFFFFFFL : buffer.getLong(at);
    }

    byte[] bytes(int count) throws IOException {
        byte[] out = new byte[count];
        int done = 0;
        while (done < count) {
            int chunk = Math.min(count - done, buffer.capacity());
            need(chunk);
            buffer.get(out, done, chunk);
            done += chunk;
        }
        return out;
    }

    void skip(long bytes) {
        seek(position() + bytes);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

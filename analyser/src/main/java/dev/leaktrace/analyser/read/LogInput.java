package dev.leaktrace.analyser.read;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One log to analyse: a file, a gzip file, a JFR recording with the agent's per-object events, or
 * standard input ({@code -}).
 *
 * <p>Gzip is recognised by its magic bytes rather than the {@code .gz} suffix, so a compressed log
 * piped through stdin or renamed still works.
 */
public final class LogInput {
    public static final String STDIN = "-";
    private static final int BUFFER = 1 << 16;
    /** The first bytes of every JFR file; here, so that a plain log never loads the JFR reader. */
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    private final String name;
    private final Path path;
    private final InputStream stdin;

    private LogInput(String name, Path path, InputStream stdin) {
        this.name = name;
        this.path = path;
        this.stdin = stdin;
    }

    /** {@code -} means {@code stdin}; anything else is a path. */
    public static LogInput of(String argument, InputStream stdin) {
        if (STDIN.equals(argument)) {
            return new LogInput("<stdin>", null, stdin);
        }
        return new LogInput(argument, Path.of(argument), null);
    }

    /** The name used in messages and reports: the path as given, or {@code <stdin>}. */
    public String name() {
        return name;
    }

    /** Whether this is standard input, which can be read only once. */
    public boolean isStdin() {
        return path == null;
    }

    /** Fails early, before a long analysis, if the file cannot be read. */
    public void checkReadable() throws LogReadException {
        if (path == null) {
            return;
        }
        if (!Files.exists(path)) {
            throw new LogReadException("cannot read " + name + ": no such file; check the path");
        }
        if (Files.isDirectory(path)) {
            throw new LogReadException("cannot read " + name + ": it is a directory; give the log file inside it");
        }
        if (!Files.isReadable(path)) {
            throw new LogReadException("cannot read " + name + ": permission denied");
        }
    }

    /** Opens the raw or decompressed bytes; closing the result never closes stdin. */
    public InputStream open() throws LogReadException {
        InputStream raw;
        if (path == null) {
            raw = new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // stdin belongs to the caller
                }
            };
        } else {
            try {
                raw = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new LogReadException("cannot read " + name + ": no such file; check the path");
            } catch (AccessDeniedException e) {
                throw new LogReadException("cannot read " + name + ": permission denied");
            } catch (IOException e) {
                throw new LogReadException("cannot read " + name + ": " + e.getMessage());
            }
        }
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(4);
            byte[] head = buffered.readNBytes(4);
            buffered.reset();
            if (head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
                return new GZIPInputStream(buffered, BUFFER);
            }
            if (path != null && java.util.Arrays.equals(head, JFR_MAGIC)) {
                raw.close();
                try {
                    return JfrLogText.open(path);
                } catch (IOException | RuntimeException e) {
                    throw new LogReadException("cannot read " + name + " as a JFR recording: " + e.getMessage());
                }
            }
            return buffered;
        } catch (IOException e) {
            closeQuietly(raw);
            throw new LogReadException("cannot read " + name + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }
}

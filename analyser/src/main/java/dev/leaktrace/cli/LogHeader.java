package dev.leaktrace.cli;

import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.read.LogReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether a log without events was written by the agent: its first line is the agent's header.
 * Such a log is a clean run in which no traced object was created; any other file without events
 * is most likely not a leaktrace log at all.
 */
final class LogHeader {
    private static final byte[] HEADER = "# leaktrace ".getBytes(StandardCharsets.US_ASCII);

    private LogHeader() {
    }

    /** Standard input cannot be read twice, so it never counts as a header-only log. */
    static boolean present(LogInput input) {
        if (input.isStdin()) {
            return false;
        }
        try (InputStream in = input.open()) {
            byte[] start = in.readNBytes(HEADER.length);
            return Arrays.equals(start, HEADER);
        } catch (IOException | LogReadException e) {
            return false;
        }
    }
}

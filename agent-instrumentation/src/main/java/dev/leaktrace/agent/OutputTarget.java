package dev.leaktrace.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens the {@code output} of the config: stderr (default), stdout, none, or a file ({@code %p} = pid). */
final class OutputTarget {
    private OutputTarget() {
    }

    static String describe(String output) {
        return output == null ? "stderr" : output.replace("%p", ProcessId.current());
    }

    static OutputStream open(String output) throws IOException {
        if (output == null || output.equals("stderr")) {
            return new FileOutputStream(FileDescriptor.err);
        }
        if (output.equals("none")) {
            return OutputStream.nullOutputStream();
        }
        if (output.equals("stdout")) {
            return new FileOutputStream(FileDescriptor.out);
        }
        Path path = Path.of(describe(output));
        return new FileOutput(path);
    }
}

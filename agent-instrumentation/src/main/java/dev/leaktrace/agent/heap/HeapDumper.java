package dev.leaktrace.agent.heap;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM's own heap dump of the objects alive now (it runs a full GC first, and pauses the
 * application only while it writes), in a folder only this user can read: a heap dump holds
 * everything the program had in memory.
 */
public final class HeapDumper {
    private HeapDumper() {
    }

    /** A new, private folder for one dump; the caller deletes it with {@link #delete}. */
    public static Path privateFolder() throws IOException {
        return Files.createTempDirectory("leaktrace-heap-");
    }

    public static void dump(Path file) throws IOException {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
    }

    /** 4 with compressed oops, 8 without: the dump writes every reference in 8 bytes, so sizes need it. */
    public static int referenceSize() {
        try {
            VMOption option = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseCompressedOops");
            return "true".equals(option.getValue()) ? 4 : 8;
        } catch (RuntimeException notHotSpot) {
            return 4;
        }
    }

    public static void delete(Path folder, Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            System.err.println("leaktrace: cannot delete the heap dump " + file + " (" + e + "); delete it by hand.");
        }
    }
}

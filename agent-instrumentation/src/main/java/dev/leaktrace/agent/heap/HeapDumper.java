package dev.leaktrace.agent.heap;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM's own heap dump (the application pauses only while it writes), in a folder only this
 * user can read: a heap dump holds everything the program had in memory.
 */
public final class HeapDumper {
    private HeapDumper() {
    }

    /** A new, private folder for one dump; the caller deletes it with {@link #delete}. */
    public static Path privateFolder() throws IOException {
        return Files.createTempDirectory("leaktrace-heap-");
    }

    /**
     * @param live whether the JVM runs a full GC first and dumps only what it finds reachable;
     *             otherwise garbage not collected yet is in the dump too (the analysis tells it
     *             apart: no strong path reaches it)
     */
    public static void dump(Path file, boolean live) throws IOException {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), live);
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

package dev.leaktrace.agent;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's process id, for the log's header and {@code %p} in the output path. On Linux it is
 * the name {@code /proc/self} links to: {@code ProcessHandle.current()} starts the process API's
 * classes and thread pool, start-up time of every traced program.
 */
final class ProcessId {
    private static volatile String cached;

    private ProcessId() {
    }

    static String current() {
        String pid = cached;
        if (pid == null) {
            pid = read();
            cached = pid;
        }
        return pid;
    }

    private static String read() {
        try {
            String name = Files.readSymbolicLink(Path.of("/proc/self")).toString();
            if (isNumber(name)) {
                return name;
            }
        } catch (Exception | LinkageError notLinux) {
            // below
        }
        return Long.toString(ProcessHandle.current().pid());
    }

    private static boolean isNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}

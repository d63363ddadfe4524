package dev.leaktrace.agent;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The host's name for the log's header, so that logs of many JVMs can be told apart. Read from
 * the kernel or the environment: {@code InetAddress.getLocalHost()} may wait for DNS before main.
 */
final class HostName {
    private HostName() {
    }

    static String current() {
        String name = null;
        try (FileInputStream in = new FileInputStream("/proc/sys/kernel/hostname")) {
            name = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            // not Linux: the environment below
        }
        if (name == null || name.isEmpty()) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isEmpty()) {
            name = System.getenv("COMPUTERNAME");
        }
        if (name == null || name.isEmpty()) {
            return "unknown";
        }
        StringBuilder safe = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            safe.append(c > ' ' && c < 0x7F ? c : '_'); // one word of the header
        }
        return safe.toString();
    }
}

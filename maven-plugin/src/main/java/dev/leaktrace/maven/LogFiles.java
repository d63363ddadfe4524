package dev.leaktrace.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The logs one {@code log} setting stands for: {@code %p} in its file name matches any process id. */
final class LogFiles {
    static final String DEFAULT = "${project.build.directory}/leaktrace/leaktrace-%p.log";

    private final Path directory;
    private final String prefix;
    private final String suffix;
    private final boolean perProcess;

    LogFiles(Path log) {
        Path absolute = log.toAbsolutePath();
        directory = absolute.getParent();
        String name = absolute.getFileName().toString();
        int at = name.indexOf("%p");
        perProcess = at >= 0;
        prefix = perProcess ? name.substring(0, at) : name;
        suffix = perProcess ? name.substring(at + 2) : "";
    }

    Path directory() {
        return directory;
    }

    /** The logs that exist now, sorted by name. */
    List<Path> existing() throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (matches(entry.getFileName().toString()) && Files.isRegularFile(entry)) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }

    void deleteExisting() throws IOException {
        for (Path file : existing()) {
            Files.delete(file);
        }
    }

    private boolean matches(String name) {
        if (!perProcess) {
            return name.equals(prefix);
        }
        if (name.length() <= prefix.length() + suffix.length() || !name.startsWith(prefix) || !name.endsWith(suffix)) {
            return false;
        }
        String pid = name.substring(prefix.length(), name.length() - suffix.length());
        for (int i = 0; i < pid.length(); i++) {
            if (!Character.isDigit(pid.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return directory.resolve(perProcess ? prefix + "%p" + suffix : prefix).toString();
    }
}

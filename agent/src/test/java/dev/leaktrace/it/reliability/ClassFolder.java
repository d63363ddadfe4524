package dev.leaktrace.it.reliability;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of generated class files for fixtures.reliability.DirLoader, which expects each file
 * named by its class's binary name, URL-encoded.
 */
record ClassFolder(Path path) {
    static ClassFolder in(Path parent) throws IOException {
        return new ClassFolder(Files.createDirectories(parent.resolve("generated")));
    }

    void add(String binaryName, byte[] bytes) throws IOException {
        Files.write(path.resolve(URLEncoder.encode(binaryName, StandardCharsets.UTF_8) + ".class"), bytes);
    }
}

package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachJarTest {
    @TempDir
    Path dir;

    @Test
    void copyDropsBootClassPathAndKeepsEverythingElse() throws Exception {
        Path jar = jar(dir.resolve("leaktrace.jar"), true);
        Path copy = dir.resolve("copy.jar");
        AttachJar.writeCopy(jar, copy);
        try (JarFile j = new JarFile(copy.toFile())) {
            Attributes main = j.getManifest().getMainAttributes();
            assertThat(main.getValue(AttachJar.BOOT_CLASS_PATH)).isNull();
            assertThat(main.getValue("Agent-Class")).isEqualTo("dev.leaktrace.agent.AgentEntry");
            assertThat(new String(j.getInputStream(j.getEntry("a/B.class")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("class bytes");
        }
        assertThat(dir).isDirectoryNotContaining("glob:**partial-*");
    }

    @Test
    void aNewCopyRemovesOtherCopiesWrittenOverAnHourBefore() throws Exception {
        Path stale = Files.writeString(dir.resolve("attach-100-1.jar"), "old version");
        Path recent = Files.writeString(dir.resolve("attach-200-2.jar"), "attached a minute ago");
        Path fresh = Files.writeString(dir.resolve("attach-300-3.jar"), "the new copy");
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "not a copy");
        Instant now = Instant.now();
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofMinutes(1))));
        Files.setLastModifiedTime(unrelated, FileTime.from(now.minus(Duration.ofDays(30))));

        AttachJar.removeOldCopies(dir, fresh, now.minus(AttachJar.KEEP_OTHER_COPIES));

        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
        assertThat(fresh).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void aJarWithoutBootClassPathIsUsedAsItIs() throws Exception {
        File jar = jar(dir.resolve("plain.jar"), false).toFile();
        assertThat(AttachJar.of(jar)).isEqualTo(jar);
    }

    @Test
    void aJarWithBootClassPathIsCopiedOnceIntoAnOwnerOnlyFolder() throws Exception {
        File jar = jar(dir.resolve("leaktrace.jar"), true).toFile();
        File first = AttachJar.of(jar);
        assertThat(first).isNotEqualTo(jar).isFile();
        assertThat(AttachJar.isPrivate(first.toPath().getParent())).isTrue();
        long written = first.lastModified();
        assertThat(AttachJar.of(jar)).isEqualTo(first);
        assertThat(first.lastModified()).as("reused, not written again").isEqualTo(written);
    }

    @Test
    void aFolderOthersMayWriteIsNotPrivate() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(AttachJar.isPrivate(open)).isFalse();
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwx------"));
        assertThat(AttachJar.isPrivate(open)).isTrue();
    }

    private static Path jar(Path path, boolean bootClassPath) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Agent-Class", "dev.leaktrace.agent.AgentEntry");
        if (bootClassPath) {
            main.putValue(AttachJar.BOOT_CLASS_PATH, "leaktrace.jar");
        }
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("a/B.class"));
            out.write("class bytes".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return path;
    }
}

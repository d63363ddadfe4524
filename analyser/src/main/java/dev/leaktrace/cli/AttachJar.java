package dev.leaktrace.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The jar loaded into a running JVM: ours without the manifest's {@code Boot-Class-Path}.
 *
 * <p>At -javaagent start-up that attribute puts the agent on the boot class path before the JVM
 * has started, which spares the bytecode verifier and the application loader's work for every
 * agent class. Appended to a running JVM, the same attribute makes JDK 17 print a class-sharing
 * warning on the application's stdout at every attach, so the copy handed to an attach leaves it
 * out. Copies are kept, one per jar version, in a folder only this user can read and write, since
 * the attached JVM reads classes from the copy for the rest of its life. A copy of a newer version
 * removes those written over an hour before it: a JVM they were attached to holds its copy open,
 * and an open file may be removed (where it may not, the copy stays).
 */
final class AttachJar {
    static final String BOOT_CLASS_PATH = "Boot-Class-Path";
    /** Older copies than this, of other versions, are removed when a new one is written. */
    static final Duration KEEP_OTHER_COPIES = Duration.ofHours(1);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private AttachJar() {
    }

    /** The jar to attach with: {@code agentJar} itself when its manifest has no Boot-Class-Path. */
    static File of(File agentJar) throws CommandFailure {
        try {
            Manifest manifest = manifest(agentJar.toPath());
            if (manifest == null || manifest.getMainAttributes().getValue(BOOT_CLASS_PATH) == null) {
                return agentJar;
            }
            Path folder = privateFolder();
            Path copy = folder.resolve("attach-" + agentJar.length() + "-" + agentJar.lastModified() + ".jar");
            if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
                writeCopy(agentJar.toPath(), copy);
                removeOldCopies(folder, copy, Instant.now().minus(KEEP_OTHER_COPIES));
            }
            return copy.toFile();
        } catch (IOException | RuntimeException e) {
            throw new CommandFailure("cannot prepare the agent jar for the attach (" + e + "). Check that "
                    + System.getProperty("java.io.tmpdir") + " is writable, or set -Djava.io.tmpdir=FOLDER.");
        }
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar), false)) {
            return in.getManifest();
        }
    }

    /** Written under a temporary name and moved in place: two attaches at once each see a whole jar. */
    static void writeCopy(Path agentJar, Path copy) throws IOException {
        Path partial = Files.createTempFile(copy.getParent(), "partial-", ".jar");
        try {
            try (JarInputStream in = new JarInputStream(Files.newInputStream(agentJar), false)) {
                Manifest manifest = new Manifest(in.getManifest());
                manifest.getMainAttributes().remove(new Attributes.Name(BOOT_CLASS_PATH));
                try (OutputStream file = Files.newOutputStream(partial);
                        JarOutputStream out = new JarOutputStream(file, manifest)) {
                    copyEntries(in, out);
                }
            }
            try {
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Removes the {@code attach-*.jar} copies in {@code folder}, but {@code keep}, last written
     * before {@code writtenBefore}; one that cannot be removed (in use, on a system that forbids
     * that) is left for a later attach.
     */
    static void removeOldCopies(Path folder, Path keep, Instant writtenBefore) {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, "attach-*.jar")) {
            for (Path copy : copies) {
                try {
                    if (!copy.equals(keep) && Files.getLastModifiedTime(copy, LinkOption.NOFOLLOW_LINKS)
                            .toInstant().isBefore(writtenBefore)) {
                        Files.delete(copy);
                    }
                } catch (IOException e) {
                    // left for a later attach
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // tidying only: the attach goes on
        }
    }

    private static void copyEntries(JarInputStream in, JarOutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
            out.putNextEntry(new JarEntry(e.getName()));
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            out.closeEntry();
        }
    }

    /**
     * {@code <tmpdir>/leaktrace-<user>}, made owner-only. Another user's folder of that name, a link,
     * or one others may write into is not used (they could plant a jar the target JVM would run):
     * a fresh folder of a random name is made instead.
     */
    private static Path privateFolder() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(tmp, "leaktrace-attach-");
        }
        Path folder = tmp.resolve("leaktrace-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException exists) {
            // checked below
        }
        return isPrivate(folder) ? folder : Files.createTempDirectory(tmp, "leaktrace-attach-");
    }

    static boolean isPrivate(Path folder) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = currentUser(folder.getParent());
        return attributes.isDirectory() && attributes.owner().equals(me) && attributes.permissions().equals(OWNER_ONLY);
    }

    /** The owner of a file this process has just made: the user it runs as. */
    private static UserPrincipal currentUser(Path tmp) throws IOException {
        Path probe = Files.createTempFile(tmp, "leaktrace-owner-", ".tmp");
        try {
            return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}

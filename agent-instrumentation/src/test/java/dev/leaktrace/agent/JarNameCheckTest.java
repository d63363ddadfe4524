package dev.leaktrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarNameCheckTest {
    @TempDir
    Path dir;

    @Test
    void agentJarsAreTheJavaagentPathsWithoutTheirOptions() {
        assertThat(JarNameCheck.agentJars(List.of("java", "-javaagent:/a/leaktrace.jar=config=x.yaml,output=y",
                "-Xmx1g", "-javaagent:other.jar", "-jar", "app.jar"))).containsExactly("/a/leaktrace.jar", "other.jar");
    }

    @Test
    void aRenamedJarBesideALeaktraceJarIsShadowed() throws IOException {
        ours(dir.resolve("leaktrace.jar"));
        Path renamed = ours(dir.resolve("leaktrace-0.2.jar"));
        assertThat(JarNameCheck.shadowingJar(renamed.toString())).isEqualTo(dir.resolve("leaktrace.jar").toString());
        assertThat(JarNameCheck.shadowingJar(dir.resolve("leaktrace.jar").toString())).isNull();
    }

    @Test
    void aRenamedJarAloneOrAnotherAgentIsNot() throws IOException {
        Path alone = Files.createDirectory(dir.resolve("alone"));
        assertThat(JarNameCheck.shadowingJar(ours(alone.resolve("leaktrace-0.2.jar")).toString())).isNull();
        ours(dir.resolve("leaktrace.jar"));
        Path other = dir.resolve("other-agent.jar");
        try (OutputStream out = Files.newOutputStream(other); JarOutputStream jar = new JarOutputStream(out, manifest(null))) {
            jar.closeEntry();
        }
        assertThat(JarNameCheck.shadowingJar(other.toString())).isNull();
    }

    private static Path ours(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path);
                JarOutputStream jar = new JarOutputStream(out, manifest("leaktrace.jar"))) {
            jar.closeEntry();
        }
        return path;
    }

    private static Manifest manifest(String bootClassPath) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bootClassPath != null) {
            m.getMainAttributes().putValue("Boot-Class-Path", bootClassPath);
            m.getMainAttributes().putValue("Premain-Class", AgentEntry.class.getName());
        }
        return m;
    }
}

package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar as a real process, as a user would. */
class CliJarIT {

    @TempDir
    Path dir;

    @Test
    void leaksJsonOnTheSeedLogNamesWasmFpSrs() throws Exception {
        String jar = System.getProperty("leaktrace.jar");
        assertThat(jar).as("system property leaktrace.jar").isNotNull();
        Path seed = Path.of(getClass().getResource("/analyser/seed.log").toURI());
        Path stdout = dir.resolve("out.json");
        Path stderr = dir.resolve("err.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", jar, "leaks", seed.toString(), "--json"))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();

        JsonObject json = JsonParser.parseString(Files.readString(stdout, StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(json.getAsJsonObject("leaked").get("bytes").getAsLong()).isEqualTo(209715200L);
        JsonObject group = json.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(group.get("type").getAsString()).isEqualTo("WasmFpSrs");
        assertThat(group.get("bytes").getAsLong()).isEqualTo(209715200L);
        assertThat(group.get("site").getAsString()).isEqualTo("src/srs.rs:42");
        assertThat(group.getAsJsonArray("ids").get(0).getAsLong()).isEqualTo(1L);
    }
}

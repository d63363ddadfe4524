package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.RunResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the built jar as a real process, as a user would. */
class CliJarIT {

    @Test
    void leaksJsonOnTheSeedLogNamesWasmFpSrs() throws Exception {
        Path seed = Path.of(getClass().getResource("/analyser/seed.log").toURI());
        RunResult r = JvmRun.cli(Jdk.current()).run("leaks", seed.toString(), "--json");
        assertThat(r.exit()).as(r.stderr()).isZero();

        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertThat(json.getAsJsonObject("leaked").get("bytes").getAsLong()).isEqualTo(209715200L);
        JsonObject group = json.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(group.get("type").getAsString()).isEqualTo("WasmFpSrs");
        assertThat(group.get("bytes").getAsLong()).isEqualTo(209715200L);
        assertThat(group.get("site").getAsString()).isEqualTo("src/srs.rs:42");
        assertThat(group.getAsJsonArray("ids").get(0).getAsLong()).isEqualTo(1L);
    }
}

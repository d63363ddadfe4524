package dev.leaktrace.analyser.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.leaktrace.analyser.LogAnalyser;
import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.result.Analysis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON field names are a contract with scripts and CI; these tests pin them. */
class JsonContractTest {

    private static Analysis analyse(String log) throws Exception {
        return new LogAnalyser(false).analyse(List.of(
                LogInput.of("-", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void leaksJsonHasTheContractFields() throws Exception {
        Analysis analysis = analyse("""
                @ALLOCATE WasmFpSrs 209715200 src/srs.rs:42 1
                @ALLOCATE Foo 1 a.rs:1 2
                @GC Foo 1 2
                @DROP Foo 1 77
                @ALLOCATE broken
                """);
        JsonObject json = JsonParser.parseString(JsonOutput.format(LeaksJson.of(analysis))).getAsJsonObject();
        assertThat(json.keySet()).contains("files", "allocations", "drops", "collectedWithoutDrop", "leaked", "groups",
                "malformedLines", "unmatchedDrops", "duplicateIds");
        assertThat(json.getAsJsonArray("files").get(0).getAsString()).isEqualTo("<stdin>");
        assertThat(json.get("allocations").getAsLong()).isEqualTo(2);
        assertThat(json.get("drops").getAsLong()).isZero();
        assertThat(json.get("collectedWithoutDrop").getAsLong()).isEqualTo(1);
        assertThat(json.getAsJsonObject("leaked").get("count").getAsLong()).isEqualTo(1);
        assertThat(json.getAsJsonObject("leaked").get("bytes").getAsLong()).isEqualTo(209715200L);
        assertThat(json.get("malformedLines").getAsLong()).isEqualTo(1);
        assertThat(json.get("unmatchedDrops").getAsLong()).isEqualTo(1);
        assertThat(json.get("duplicateIds").getAsLong()).isZero();
        JsonObject group = json.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(group.keySet()).containsExactly("type", "site", "count", "bytes", "ids", "trend");
        assertThat(group.get("type").getAsString()).isEqualTo("WasmFpSrs");
        assertThat(group.get("site").getAsString()).isEqualTo("src/srs.rs:42");
        assertThat(group.getAsJsonArray("ids").get(0).getAsLong()).isEqualTo(1);
        assertThat(group.get("trend").getAsString()).isEqualTo("single");
    }

    @Test
    void diffJsonHasTheContractFields() throws Exception {
        Analysis before = analyse("@ALLOCATE Proof 100 P.java:55 1\n@ALLOCATE Gone 5 G.java:1 2\n");
        Analysis after = analyse("@ALLOCATE Proof 100 P.java:57 1\n@ALLOCATE Proof 100 P.java:57 2\n");
        JsonObject json = JsonParser.parseString(JsonOutput.format(DiffJson.of(LeakDiff.compare(before, after))))
                .getAsJsonObject();
        assertThat(json.keySet()).containsExactly("before", "after", "types", "sites", "holders");
        assertThat(json.getAsJsonArray("holders")).as("no heap lines, no holders").isEmpty();
        assertThat(json.getAsJsonObject("before").getAsJsonObject("leaked").get("bytes").getAsLong()).isEqualTo(105);
        assertThat(json.getAsJsonObject("after").getAsJsonObject("leaked").get("count").getAsLong()).isEqualTo(2);
        JsonObject type = json.getAsJsonArray("types").get(0).getAsJsonObject();
        assertThat(type.keySet()).containsExactly("type", "before", "after", "verdict");
        assertThat(type.get("type").getAsString()).isEqualTo("Proof");
        assertThat(type.getAsJsonObject("after").keySet()).containsExactly("count", "bytes");
        assertThat(type.get("verdict").getAsString()).isEqualTo("worse");
        JsonObject site = json.getAsJsonArray("sites").get(0).getAsJsonObject();
        assertThat(site.keySet()).containsExactly("type", "before", "after", "verdict");
        assertThat(site.getAsJsonObject("before").get("site").getAsString()).isEqualTo("P.java:55");
        assertThat(site.getAsJsonObject("after").get("site").getAsString()).isEqualTo("P.java:57");
        assertThat(site.getAsJsonObject("after").get("bytes").getAsLong()).isEqualTo(200);
        JsonObject fixed = json.getAsJsonArray("sites").get(1).getAsJsonObject();
        assertThat(fixed.get("verdict").getAsString()).isEqualTo("fixed");
        assertThat(fixed.getAsJsonObject("after").get("site").isJsonNull()).isTrue();
    }
}

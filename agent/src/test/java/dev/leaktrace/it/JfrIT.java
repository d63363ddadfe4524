package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code jfr: objects} during a JFR recording: {@code jfr print} shows the periodic
 * {@code leaktrace.LiveObjects} of the kept site, and {@code leaks} on the .jfr file finds the same
 * leaks as on the log of the same run.
 */
class JfrIT {
    /** Only leaktrace's events, the live objects every second, allocations never throttled. */
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="leaktrace" description="leaktrace's events only">
              <event name="leaktrace.LiveObjects"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
              <event name="leaktrace.Allocation"><setting name="enabled">true</setting><setting name="throttle">off</setting></event>
              <event name="leaktrace.Drop"><setting name="enabled">true</setting></event>
            </configuration>
            """;

    @OnEachJdk
    void theRecordingShowsLiveObjectsAndGivesTheLogsLeaks(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept")
                .agent("jfr: objects\ntypes:\n  - class: fixtures.survivors.Job\n");
        Path settings = run.dir().resolve("leaktrace.jfc");
        Files.writeString(settings, SETTINGS);
        Path recording = run.dir().resolve("run.jfr");
        run.jvm("-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings);
        RunResult r = run.run("20000", "1000", "2500");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).doesNotContain("leaktrace:");
        String keptSite = r.stdout().lines().filter(l -> l.startsWith("KEPT ")).findFirst().orElseThrow().substring(5);

        String printed = jfr(jdk, "print", "--events", "leaktrace.LiveObjects", recording.toString());
        assertThat(printed).contains("leaktrace.LiveObjects {").contains("type = \"fixtures.survivors.Job\"")
                .contains("site = \"" + keptSite + "\"").contains("count = 1000");
        assertThat(jfr(jdk, "summary", recording.toString())).containsPattern("leaktrace\\.Allocation +21010 ")
                .containsPattern("leaktrace\\.Drop +20010 ");

        JsonObject fromJfr = leaks(jdk, recording);
        JsonObject fromLog = leaks(jdk, run.log());
        assertThat(fromJfr.get("groups")).isEqualTo(fromLog.get("groups"));
        assertThat(fromJfr.get("leaked")).isEqualTo(fromLog.get("leaked"));
        assertThat(fromJfr.getAsJsonObject("leaked").get("count").getAsLong()).isEqualTo(1000);
        assertThat(fromJfr.get("allocations")).isEqualTo(fromLog.get("allocations"));
        assertThat(fromJfr.get("unmatchedDrops").getAsLong()).isZero();
    }

    /** JDK 25 has {@code @jdk.jfr.Throttle}: under the default settings allocations are sampled, drops never. */
    @OnEachJdk
    void allocationsAreThrottledWhereJfrCan(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept")
                .agent("jfr: objects\ntypes:\n  - class: fixtures.survivors.Job\n");
        Path recording = run.dir().resolve("default.jfr");
        run.jvm("-XX:StartFlightRecording=filename=" + recording);
        RunResult r = run.run("100000", "10", "0");
        assertThat(r.exit()).as(r.toString()).isZero();
        String summary = jfr(jdk, "summary", recording.toString());
        java.util.regex.Matcher allocations = java.util.regex.Pattern.compile("leaktrace\\.Allocation +(\\d+) ").matcher(summary);
        assertThat(allocations.find()).as(summary).isTrue();
        long count = Long.parseLong(allocations.group(1));
        assertThat(summary).containsPattern("leaktrace\\.Drop +100010 ");
        if (jdkFeature(jdk) >= 25) {
            assertThat(count).as("throttled at 1000/s: " + summary).isLessThan(30_000);
        } else {
            assertThat(count).as("no throttling before JDK 25").isEqualTo(100_020);
        }
    }

    private static int jdkFeature(Jdk jdk) {
        return Integer.parseInt(jdk.name().replace("java", ""));
    }

    private static JsonObject leaks(Jdk jdk, Path log) throws Exception {
        RunResult leaks = JvmRun.cli(jdk).run("leaks", log.toString(), "--json");
        assertThat(leaks.exit()).as(leaks.toString()).isZero();
        return JsonParser.parseString(leaks.stdout()).getAsJsonObject();
    }

    private static String jfr(Jdk jdk, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = jdk.java().resolveSibling("jfr").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

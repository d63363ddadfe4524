package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * paths: N: at exit, each leaked group's holder, retained size and example paths from GC roots, on
 * a program that leaks objects held four ways and counts them itself (fixtures.heap.Holders); and
 * the closed connections it keeps in a list, released but still reachable.
 */
class PathsIT {
    static final String CONFIG = "paths: 2\ntypes:\n  - class: fixtures.heap.*\n";
    /** The payload each fixture object holds, and what one object with its array may add, at most. */
    private static final long PAYLOAD = 16 * 1024;
    private static final long OVERHEAD = 64;

    @OnEachJdk
    void eachLeakedGroupIsNamedWithItsHolderCountAndRetainedBytes(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agent(CONFIG).main("fixtures.heap.Holders");
        Path classLog = run.dir().resolve("classes.txt");
        RunResult r = run.jvm("-Xlog:class+load=info:file=" + classLog).run();
        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, Integer> truth = truth(r.stdout());

        RunResult leaks = JvmRun.cli(jdk).run("leaks", run.log().toString(), "--json");
        assertThat(leaks.exit()).as(leaks.toString()).isZero();
        Map<String, JsonObject> groups = groups(leaks.stdout());

        JsonObject listed = groups.get("fixtures.heap.StaticListed");
        assertHeld(listed, truth.get("fixtures.heap.StaticListed"), "static:fixtures.heap.Holders.LIST",
                List.of("java.util.ArrayList", "java.lang.Object[]"), PAYLOAD);
        assertThat(strings(paths(listed).get(0).getAsJsonObject().getAsJsonArray("steps")))
                .containsExactly("java.util.ArrayList.elementData", "java.lang.Object[][0]");

        assertHeld(groups.get("fixtures.heap.ThreadLocalHeld"), truth.get("fixtures.heap.ThreadLocalHeld"),
                "thread:holder-thread", List.of("java.lang.Thread", "java.lang.ThreadLocal$ThreadLocalMap",
                        "java.lang.ThreadLocal$ThreadLocalMap$Entry[]", "java.lang.ThreadLocal$ThreadLocalMap$Entry",
                        "java.util.ArrayList", "java.lang.Object[]"), PAYLOAD);

        assertHeld(groups.get("fixtures.heap.ListenerHeld"), truth.get("fixtures.heap.ListenerHeld"),
                "static:sun.management.ManagementFactoryHelper.memoryMBean", List.of("sun.management.MemoryImpl",
                        "java.util.ArrayList", "java.lang.Object[]", "sun.management.NotificationEmitterSupport$ListenerInfo"),
                PAYLOAD);

        JsonObject outer = groups.get("fixtures.heap.OuterHeld");
        assertHeld(outer, truth.get("fixtures.heap.OuterHeld"), "static:fixtures.heap.Holders.BUS",
                List.of("java.util.ArrayList", "java.lang.Object[]", "fixtures.heap.OuterHeld$Listener"), PAYLOAD);
        List<String> steps = strings(paths(outer).get(0).getAsJsonObject().getAsJsonArray("steps"));
        assertThat(steps.get(steps.size() - 1)).isEqualTo("fixtures.heap.OuterHeld$Listener.this$0");

        JsonArray reachable = JsonParser.parseString(leaks.stdout()).getAsJsonObject().getAsJsonArray("reachable");
        assertThat(reachable).as("released but still reachable: only the closed connections kept in a list").hasSize(1);
        JsonObject closed = reachable.get(0).getAsJsonObject();
        int closedCount = truth.get("fixtures.heap.ClosedConnection");
        assertThat(closed.get("type").getAsString()).isEqualTo("fixtures.heap.ClosedConnection");
        assertThat(closed.get("count").getAsLong()).isEqualTo(closedCount);
        assertThat(closed.get("retainedBytes").getAsLong()).isBetween(closedCount * PAYLOAD, closedCount * (PAYLOAD + OVERHEAD));
        JsonObject keptBy = closed.getAsJsonArray("holders").get(0).getAsJsonObject();
        assertThat(closed.getAsJsonArray("holders")).hasSize(1);
        assertThat(keptBy.get("root").getAsString()).isEqualTo("static:fixtures.heap.Holders.CLOSED");
        assertThat(strings(keptBy.getAsJsonArray("classes"))).containsExactly("java.util.ArrayList", "java.lang.Object[]");
        assertThat(groups).as("a closed connection is not leaked").doesNotContainKey("fixtures.heap.ClosedConnection");

        for (JsonObject group : groups.values()) {
            assertThat(paths(group)).as("paths: 2 gives two example paths per group").hasSize(2);
            assertThat(group.toString()).as("the agent's own registry never holds a leak").doesNotContain("dev.leaktrace.");
        }
        assertThat(r.log().lines().filter(l -> l.startsWith("@PATH "))).hasSize(2 * groups.size());
        assertThat(Files.readString(classLog)).as("the traced JVM never loads the analysis, nor the heap dump reader")
                .doesNotContain("dev.leaktrace.analyser.").doesNotContain("dev.leaktrace.cli.")
                .contains("fixtures.heap.Holders");

        RunResult text = JvmRun.cli(jdk).run("leaks", run.log().toString());
        assertThat(text.stdout()).contains("7 (retained ").contains("held by fixtures.heap.Holders.LIST → java.util.ArrayList → java.lang.Object[]")
                .contains("Released but still reachable").contains("fixtures.heap.ClosedConnection at ")
                .contains("held by fixtures.heap.Holders.CLOSED → java.util.ArrayList → java.lang.Object[]");
    }

    @OnEachJdk
    void anAgentGivenInJavaToolOptionsAnalysesOnceAndEnds(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.heap.Holders");
        Path config = Files.writeString(run.dir().resolve("env.yaml"), CONFIG);
        RunResult r = run.env("JAVA_TOOL_OPTIONS", "-javaagent:" + Built.AGENT_JAR + "=config=" + config + ",output=" + run.log())
                .timeout(java.time.Duration.ofSeconds(60)).run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr().lines().filter(l -> l.contains(" traced in ")))
                .as("one analysis: its JVM does not load the agent again").hasSize(1);
        assertThat(r.log().lines().filter(l -> l.startsWith("@HOLDER "))).isNotEmpty();
    }

    @OnEachJdk
    void dumpWithPathsNamesTheHoldersOfARunningJvm(Jdk jdk) throws Exception {
        // paths: 1 has the agent watch released objects; dump --paths asks for 3 paths of its own.
        JvmRun run = JvmRun.on(jdk).agent("paths: 1\ntypes:\n  - class: fixtures.heap.*\n").main("fixtures.heap.Holders");
        RunningJvm service = run.workingDirectory(run.dir()).start("serve");
        RunResult ended;
        Map<String, Integer> truth;
        try {
            service.awaitLine("ready");
            truth = truth(service.stdout());
            Path dump = run.dir().resolve("held.txt");
            RunResult dumped = JvmRun.cli(jdk).run("dump", "" + service.pid(), "--paths", "-o", dump.toString());
            assertThat(dumped.exit()).as(dumped.toString()).isZero();
            assertThat(Files.readAllLines(dump)).as("the heap lines follow the dump's @ALLOCATE lines")
                    .anyMatch(l -> l.startsWith("@PATH ")).anyMatch(l -> l.startsWith("@REACHABLE "));
            RunResult leaks = JvmRun.cli(jdk).run("leaks", dump.toString(), "--json");
            assertThat(leaks.exit()).as(leaks.toString()).isZero();
            Map<String, JsonObject> groups = groups(leaks.stdout());
            assertHeld(groups.get("fixtures.heap.StaticListed"), truth.get("fixtures.heap.StaticListed"),
                    "static:fixtures.heap.Holders.LIST", List.of("java.util.ArrayList", "java.lang.Object[]"), PAYLOAD);
            assertThat(paths(groups.get("fixtures.heap.StaticListed"))).as("--paths gives 3 paths by default").hasSize(3);
            JsonArray reachable = JsonParser.parseString(leaks.stdout()).getAsJsonObject().getAsJsonArray("reachable");
            assertThat(reachable).hasSize(1);
            assertThat(reachable.get(0).getAsJsonObject().get("count").getAsLong())
                    .isEqualTo((long) truth.get("fixtures.heap.ClosedConnection"));
        } finally {
            Files.writeString(run.dir().resolve("stop"), "");
            ended = service.finish(java.time.Duration.ofSeconds(30));
        }
        assertThat(ended.exit()).as(ended.toString()).isZero();
        assertThat(ended.stderr()).as("the traced JVM only wrote the heap dump").doesNotContain("Exception");
    }

    @OnEachJdk
    void dumpWithPathsNamesTheHolderInAJvmTheAgentWasAttachedTo(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).jvm("-XX:+EnableDynamicAgentLoading").main("fixtures.heap.Holders");
        Path config = Files.writeString(run.dir().resolve("attach.yaml"), "paths: 1\ntypes:\n  - class: fixtures.heap.*\n");
        RunningJvm service = run.workingDirectory(run.dir()).start("serve", "wait");
        RunResult ended;
        try {
            service.awaitLine("waiting");
            RunResult attach = JvmRun.cli(jdk).run("attach", "" + service.pid(), "--config", config.toString(),
                    "--output", run.dir().resolve("attached.log").toString());
            assertThat(attach.exit()).as(attach.toString()).isZero();
            Files.writeString(run.dir().resolve("go"), "");
            service.awaitLine("ready");
            Map<String, Integer> truth = truth(service.stdout());
            Path dump = run.dir().resolve("held.txt");
            RunResult dumped = JvmRun.cli(jdk).run("dump", "" + service.pid(), "--paths", "-o", dump.toString());
            assertThat(dumped.exit()).as(dumped.toString()).isZero();
            RunResult leaks = JvmRun.cli(jdk).run("leaks", dump.toString(), "--json");
            assertThat(leaks.exit()).as(leaks.toString()).isZero();
            Map<String, JsonObject> groups = groups(leaks.stdout());
            assertHeld(groups.get("fixtures.heap.StaticListed"), truth.get("fixtures.heap.StaticListed"),
                    "static:fixtures.heap.Holders.LIST", List.of("java.util.ArrayList", "java.lang.Object[]"), PAYLOAD);
            assertHeld(groups.get("fixtures.heap.OuterHeld"), truth.get("fixtures.heap.OuterHeld"),
                    "static:fixtures.heap.Holders.BUS",
                    List.of("java.util.ArrayList", "java.lang.Object[]", "fixtures.heap.OuterHeld$Listener"), PAYLOAD);
        } finally {
            Files.writeString(run.dir().resolve("stop"), "");
            ended = service.finish(java.time.Duration.ofSeconds(30));
        }
        assertThat(ended.exit()).as(ended.toString()).isZero();
    }

    static void assertHeld(JsonObject group, int count, String root, List<String> classes, long payload) {
        JsonObject holder = onlyHolder(group);
        assertThat(holder.get("root").getAsString()).isEqualTo(root);
        assertThat(strings(holder.getAsJsonArray("classes"))).containsExactlyElementsOf(classes);
        assertCountAndRetained(group, holder, count, payload, OVERHEAD);
    }

    static void assertCountAndRetained(JsonObject group, JsonObject holder, int count, long payload, long overhead) {
        assertThat(group.get("count").getAsLong()).isEqualTo(count);
        assertThat(holder.get("count").getAsLong()).isEqualTo(count);
        JsonObject retained = group.getAsJsonObject("heap").getAsJsonObject("retained");
        assertThat(retained.get("count").getAsLong()).isEqualTo(count);
        long bytes = retained.get("bytes").getAsLong();
        assertThat(bytes).as("retained: each object and its payload").isBetween(count * payload, count * (payload + overhead));
        assertThat(holder.get("retainedBytes").getAsLong()).isEqualTo(bytes);
    }

    static JsonObject onlyHolder(JsonObject group) {
        assertThat(group).as("the group is leaked").isNotNull();
        JsonArray holders = group.getAsJsonObject("heap").getAsJsonArray("holders");
        assertThat(holders).as(group.toString()).hasSize(1);
        return holders.get(0).getAsJsonObject();
    }

    static JsonArray paths(JsonObject group) {
        return group.getAsJsonObject("heap").getAsJsonArray("paths");
    }

    static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : array) {
            out.add(e.getAsString());
        }
        return out;
    }

    /** The fixture's own counts: {@code truth <type> <count>} lines. */
    static Map<String, Integer> truth(String stdout) {
        Map<String, Integer> counts = new HashMap<>();
        stdout.lines().filter(l -> l.startsWith("truth ")).forEach(l -> {
            String[] words = l.split(" ");
            counts.put(words[1], Integer.parseInt(words[2]));
        });
        return counts;
    }

    /** The leaked groups of {@code leaks --json} by type (each fixture type has one site). */
    static Map<String, JsonObject> groups(String json) {
        Map<String, JsonObject> byType = new HashMap<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("groups")) {
            JsonObject group = e.getAsJsonObject();
            byType.put(group.get("type").getAsString(), group);
        }
        return byType;
    }
}

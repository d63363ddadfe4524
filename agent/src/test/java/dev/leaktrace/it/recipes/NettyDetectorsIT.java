package dev.leaktrace.it.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;

/**
 * The same program, fixtures.recipes.NettyLeakDetectors, under Netty's own detector at its
 * paranoid level and under the netty recipe at Netty's default level: the recipe reports exactly
 * the buffers the program counts with refCnt() above zero, those still reachable and those
 * collected; Netty reports only collected ones, and one record per distinct creation and access
 * trace (and none for unpooled heap buffers, which it does not track): some, never more than
 * those collected. docs/recipes.md shows the figures this prints.
 */
class NettyDetectorsIT {
    private static final int BUFFERS = 2000;

    @OnEachJdk
    void theRecipeFindsEveryLeakNettysParanoidDetectorSomeCollectedOnes(Jdk jdk) throws Exception {
        RunResult paranoid = JvmRun.on(jdk).classPath(NettyRecipeIT.BUFFER, NettyRecipeIT.COMMON)
                .jvm("-Dio.netty.leakDetection.level=paranoid").main("fixtures.recipes.NettyLeakDetectors")
                .run(Integer.toString(BUFFERS));
        assertThat(paranoid.exit()).as(paranoid.toString()).isZero();
        int leaked = count(paranoid, "LEAKED ");
        int held = count(paranoid, "HELD ");
        assertThat(held).as("some leaked buffers stay reachable").isPositive();
        assertThat(leaked).as("and more are garbage").isGreaterThan(held);
        // Netty logs through java.util.logging here (no other logger on the class path): one
        // "LEAK: " record per report.
        long nettyRecords = paranoid.stderr().lines().filter(l -> l.contains("LEAK: ")).count();
        assertThat(nettyRecords).as("Netty's paranoid detector reports\n" + paranoid.stderr()).isPositive()
                .isLessThanOrEqualTo(leaked - held);

        JvmRun traced = JvmRun.on(jdk).agentWithConfig("recipe:netty")
                .classPath(NettyRecipeIT.BUFFER, NettyRecipeIT.COMMON).main("fixtures.recipes.NettyLeakDetectors");
        RunResult r = traced.run(Integer.toString(BUFFERS));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).doesNotContain("leaktrace:");
        assertThat(count(r, "LEAKED ")).as("the same program").isEqualTo(leaked);
        RunResult leaks = JvmRun.cli(jdk).run("leaks", traced.log().toString(), "--json");
        JsonObject json = JsonParser.parseString(leaks.stdout()).getAsJsonObject();
        // Leaked buffers still reachable at exit are the groups; garbage ones were collected without a drop.
        int alive = 0;
        for (JsonElement e : json.getAsJsonArray("groups")) {
            alive += e.getAsJsonObject().get("count").getAsInt();
        }
        int collected = json.get("collectedWithoutDrop").getAsInt();
        assertThat(alive).as("the reachable ones\n" + leaks.stdout()).isEqualTo(held);
        assertThat(collected).as("the garbage ones\n" + leaks.stdout()).isEqualTo(leaked - held);
        int reported = alive + collected;
        System.out.printf("%s: %d buffers, %d leaked (%d reachable): recipe %d, Netty paranoid %d records%n",
                jdk, BUFFERS, leaked, held, reported, nettyRecords);
    }

    private static int count(RunResult r, String prefix) {
        return Integer.parseInt(r.stdout().lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()));
    }
}

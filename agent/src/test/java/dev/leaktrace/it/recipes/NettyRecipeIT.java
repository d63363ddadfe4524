package dev.leaktrace.it.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.leaktrace.it.Built;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The netty recipe on real netty-buffer: at every leak-detection level, `leaks` reports exactly
 * the buffers fixtures.recipes.NettyBuffers left with refCnt() above zero, pooled (recycled
 * without a constructor), unpooled, and pooled buffers' retained slices and duplicates (recycled
 * without reuse(int)), and neither the leak-aware wrappers, the views nor the empty singletons.
 */
class NettyRecipeIT {
    static final Path BUFFER = Built.IT_LIBS.resolve("netty-buffer.jar");
    static final Path COMMON = Built.IT_LIBS.resolve("netty-common.jar");

    @OnEachJdk
    void leaksAreExactlyTheBuffersWithACountAboveZero(Jdk jdk) throws Exception {
        assertThat(BUFFER).as("copied by maven-dependency-plugin in pre-integration-test").exists();
        for (String level : List.of("disabled", "simple", "advanced", "paranoid")) {
            JvmRun run = JvmRun.on(jdk).agentWithConfig("recipe:netty").classPath(BUFFER, COMMON)
                    .jvm("-Dio.netty.leakDetection.level=" + level).main("fixtures.recipes.NettyBuffers");
            RunResult r = run.run();
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.stderr()).as(level + ": no warning").doesNotContain("leaktrace:");
            String[] truth = r.stdout().lines().filter(l -> l.startsWith("LEAKED ")).findFirst().orElseThrow()
                    .split(" ");
            int pooled = Integer.parseInt(truth[1]);
            int unpooled = Integer.parseInt(truth[2]);
            int derived = Integer.parseInt(truth[3]);
            assertThat(pooled).as("the fixture leaks some of each").isPositive();
            assertThat(unpooled).isPositive();
            assertThat(derived).isPositive();
            String[] handedOut = r.stdout().lines().filter(l -> l.startsWith("DERIVED ")).findFirst().orElseThrow()
                    .split(" ");
            int derivedLives = Integer.parseInt(handedOut[1]);
            assertThat(Integer.parseInt(handedOut[2])).as(level + ": the Recycler hands derived buffers out again")
                    .isLessThan(derivedLives);

            RunResult leaks = JvmRun.cli(jdk).run("leaks", run.log().toString(), "--json");
            JsonObject json = JsonParser.parseString(leaks.stdout()).getAsJsonObject();
            assertThat(json.get("unmatchedDrops").getAsInt()).as(level + "\n" + r).isZero();
            assertThat(json.get("duplicateIds").getAsInt()).isZero();
            int leakedPooled = 0;
            int leakedUnpooled = 0;
            int leakedDerived = 0;
            for (JsonElement e : json.getAsJsonArray("groups")) {
                JsonObject group = e.getAsJsonObject();
                String type = group.get("type").getAsString();
                assertThat(type).as(level + ": a buffer that owns memory").doesNotContain("LeakAware", "Empty");
                assertThat(group.get("site").getAsString()).as(level + ": the program's line")
                        .startsWith("fixtures/recipes/NettyBuffers.java:");
                if (isDerived(type)) {
                    leakedDerived += group.get("count").getAsInt();
                } else if (type.startsWith("io.netty.buffer.Pooled")) {
                    leakedPooled += group.get("count").getAsInt();
                } else {
                    leakedUnpooled += group.get("count").getAsInt();
                }
            }
            assertThat(leakedPooled).as(level + ": pooled\n" + leaks.stdout()).isEqualTo(pooled);
            assertThat(leakedUnpooled).as(level + ": unpooled\n" + leaks.stdout()).isEqualTo(unpooled);
            assertThat(leakedDerived).as(level + ": retained slices and duplicates\n" + leaks.stdout())
                    .isEqualTo(derived);
            assertThat(r.events().stream().filter(e -> e.kind().equals("ALLOCATE")
                    && e.type().startsWith("io.netty.buffer.Pooled") && !isDerived(e.type())))
                    .as(level + ": one life per pooled allocation, recycled ones included").hasSize(400);
            assertThat(r.events().stream().filter(e -> e.kind().equals("ALLOCATE") && isDerived(e.type())))
                    .as(level + ": one life per retained slice or duplicate, recycled ones included")
                    .hasSize(derivedLives);
        }
    }

    private static boolean isDerived(String type) {
        return type.equals("io.netty.buffer.PooledSlicedByteBuf") || type.equals("io.netty.buffer.PooledDuplicatedByteBuf");
    }
}

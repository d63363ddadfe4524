package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The jdk-io recipe traces JDK classes loaded before premain, from the jar and from src/recipes. */
class JdkIoRecipeIT {
    @OnEachJdk
    void bundledRecipeTracesFileStreamsZipFilesAndChannels(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agentWithConfig("recipe:jdk-io");
        check(run, run.run("jdkio", run.dir().toString()));
    }

    @OnEachJdk
    void recipeFileOfTheProjectWorksAsAConfigPath(Jdk jdk) throws Exception {
        Path recipe = Built.RECIPES.resolve("jdk-io.yaml");
        assertThat(recipe).exists();
        JvmRun run = JvmRun.on(jdk).agentWithConfig(recipe.toString());
        check(run, run.run("jdkio", run.dir().toString()));
    }

    private static void check(JvmRun run, RunResult r) throws Exception {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        assertThat(r.events()).as("the agent's own file reads are its own work, not traced")
                .noneMatch(e -> e.site() != null && e.site().startsWith("dev/leaktrace/"));
        List<String> sites = r.sitesPrinted();
        assertThat(sitesOf(r, "java.io.FileOutputStream")).contains(sites.get(0));
        assertThat(sitesOf(r, "java.io.FileInputStream")).contains(sites.get(1), sites.get(2));
        assertThat(sitesOf(r, "java.io.RandomAccessFile")).contains(sites.get(3));
        assertThat(sitesOf(r, "java.util.zip.ZipFile")).contains(sites.get(4));

        long leakedIn = leaked(r, "java.io.FileInputStream", sites.get(2));
        assertThat(leakedIn).as("the kept FileInputStream is open at exit").isEqualTo(1);
        assertThat(leaked(r, "java.io.FileInputStream", sites.get(1))).isZero();
        assertThat(leaked(r, "java.io.RandomAccessFile", sites.get(3))).isZero();
        assertThat(leaked(r, "java.util.zip.ZipFile", sites.get(4))).isEqualTo(1);
        List<Event> channels = r.events("ALLOCATE", "sun.nio.ch.FileChannelImpl");
        assertThat(channels.size()).as(r.toString()).isGreaterThanOrEqualTo(2);
        assertThat(r.events("DROP", "sun.nio.ch.FileChannelImpl")).isNotEmpty();
        assertThat(r.stdout()).contains("missing file: no line");
        assertThat(r.log()).doesNotContain("missing");
        assertThat(Files.exists(run.log())).isTrue();
    }

    private static List<String> sitesOf(RunResult r, String type) {
        return r.events("ALLOCATE", type).stream().map(Event::site).toList();
    }

    private static long leaked(RunResult r, String type, String site) {
        return r.leaked(type).stream().filter(e -> e.site().equals(site)).count();
    }
}

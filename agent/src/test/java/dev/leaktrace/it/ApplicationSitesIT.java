package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Objects made by the JDK and by a JDBC driver are reported at the application line that asked
 * for them, each with the library's own line in a @LIBRARY line: the fixtures count, per line of
 * theirs, what they asked for ({@code TRUTH <kind> <site> <n>}), and the log must show exactly that
 * many objects at exactly those sites.
 */
class ApplicationSitesIT {
    private static final Path H2 = Built.IT_LIBS.resolve("h2.jar");

    @OnEachJdk
    void jdbcObjectsAreAtTheLineThatCalledTheDriver(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agentWithConfig("recipe:jdbc").classPath(H2).main("fixtures.sites.JdbcCalls").run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("REFUSED", "SUM 100 100", "DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        Map<String, Map<String, Long>> truth = truth(r);
        assertExactly(r, truth.get("connection"), "org.h2.jdbc.JdbcConnection");
        assertExactly(r, truth.get("statement"), "org.h2.jdbc.JdbcStatement");
        assertExactly(r, truth.get("prepared"), "org.h2.jdbc.JdbcPreparedStatement");
        assertExactly(r, truth.get("resultset"), "org.h2.jdbc.JdbcResultSet");
        assertThat(r.leaked("org.h2.jdbc.JdbcStatement")).extracting(Event::site)
                .as("the two kept in the loop, and the one made through the driver's own class, after a marked"
                        + " call that threw: its site is the driver's line, no mark was left behind")
                .hasSize(3).filteredOn(s -> s.startsWith("org/h2/jdbc/JdbcConnection.java:")).hasSize(1);
        assertLibraryLinesIn(r, "org/h2/");
    }

    @OnEachJdk
    void objectsTheJdkMakesAreAtTheLineThatCalledIt(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk);
        RunResult r = run.agent("""
                stacks: 16
                types:
                  - class: java.nio.DirectByteBuffer
                    drop: [gc]
                  - class: java.io.FileInputStream
                  - class: sun.nio.ch.FileChannelImpl
                    drop: [implCloseChannel]
                  - class: sun.nio.ch.ChannelInputStream
                """).main("fixtures.sites.JdkCalls").run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        Map<String, Map<String, Long>> truth = truth(r);
        assertExactly(r, truth.get("direct"), "java.nio.DirectByteBuffer");
        assertExactly(r, truth.get("reader"), "java.io.FileInputStream");
        Map<String, Long> files = new TreeMap<>(truth.get("newInputStream"));
        files.putAll(truth.get("newBufferedReader"));
        assertExactly(r, files, "sun.nio.ch.ChannelInputStream");
        assertExactly(r, files, "sun.nio.ch.FileChannelImpl");
        assertLibraryLinesIn(r, "java/", "sun/");
        assertEachHasItsStack(r);
    }

    /**
     * The stack budget is per application site: every object at a fixture line (at most 8 per line)
     * has its stack, which runs through that line, and the bridges of marked calls are not in it.
     */
    private static void assertEachHasItsStack(RunResult r) {
        Map<Long, String> stacks = r.log().lines().filter(l -> l.startsWith("@STACK ")).map(l -> l.split(" "))
                .collect(Collectors.toMap(f -> Long.parseLong(f[1]), f -> f[2]));
        List<Event> charged = r.events().stream()
                .filter(e -> e.kind().equals("ALLOCATE") && e.site().startsWith("fixtures/sites/JdkCalls")).toList();
        for (Event e : charged) {
            String line = e.site().substring(e.site().lastIndexOf(':') + 1);
            assertThat(stacks.get(e.id())).as("the stack of " + e).isNotNull()
                    .contains("fixtures.sites.JdkCalls.main(JdkCalls.java:" + line + ")")
                    .doesNotContain("leaktrace$call$");
        }
    }

    @OnEachJdk
    void nettyPooledBuffersAreAtTheLineThatCalledTheAllocator(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent("""
                library: [io.netty.**]
                types:
                  - class: io.netty.buffer.PooledByteBuf
                    subtypes: true
                    drop: [deallocate]
                """).classPath(Built.IT_LIBS.resolve("netty-buffer.jar"), Built.IT_LIBS.resolve("netty-common.jar"))
                .main("fixtures.sites.NettyCalls").run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        Map<String, Map<String, Long>> truth = truth(r);
        Map<String, Long> direct = truth.get("bytebuf");
        Map<String, Long> heap = truth.get("heapbuf");
        Map<String, Long> atFixtureLines = r.events().stream()
                .filter(e -> e.kind().equals("ALLOCATE") && e.site().startsWith("fixtures/sites/"))
                .collect(Collectors.groupingBy(Event::site, TreeMap::new, Collectors.counting()));
        Map<String, Long> expected = new TreeMap<>(direct);
        expected.putAll(heap);
        assertThat(atFixtureLines).as(r.toString()).isEqualTo(expected);
        assertThat(r.events().stream().filter(e -> e.kind().equals("DROP"))).as("the two released").hasSize(2);
        assertLibraryLinesIn(r, "io/netty/");
    }

    @OnEachJdk
    void nettyRecipeBuffersAreAtTheLineThatAskedForThem(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agentWithConfig("recipe:netty")
                .classPath(Built.IT_LIBS.resolve("netty-buffer.jar"), Built.IT_LIBS.resolve("netty-common.jar"))
                .main("fixtures.sites.NettyRecipeCalls").run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        Map<String, Long> bySite = r.events().stream()
                .filter(e -> e.kind().equals("ALLOCATE") && e.type().startsWith("io.netty."))
                .collect(Collectors.groupingBy(Event::site, TreeMap::new, Collectors.counting()));
        // Recycled pooled buffers and slices included; the static SOURCE at its own line besides.
        Map<String, Long> expected = new TreeMap<>(truth(r).get("bytebuf"));
        assertThat(bySite).as(r.toString()).containsAllEntriesOf(expected);
        bySite.keySet().removeAll(expected.keySet());
        assertThat(bySite).as("the source buffer alone elsewhere\n" + r).hasSize(1)
                .allSatisfy((site, n) -> assertThat(n).isEqualTo(1L));
    }

    /** {@code TRUTH <kind> <site> <n>} lines, as kind -> site -> n. */
    private static Map<String, Map<String, Long>> truth(RunResult r) {
        Map<String, Map<String, Long>> truth = new TreeMap<>();
        r.stdout().lines().filter(l -> l.startsWith("TRUTH ")).map(l -> l.split(" ")).forEach(f ->
                truth.computeIfAbsent(f[1], k -> new TreeMap<>()).put(f[2], Long.parseLong(f[3])));
        assertThat(truth).as(r.toString()).isNotEmpty();
        return truth;
    }

    /** Objects of the type at the fixture's lines: exactly those the fixture counted, at its lines. */
    private static void assertExactly(RunResult r, Map<String, Long> expected, String type) {
        Map<String, Long> atFixtureLines = r.events("ALLOCATE", type).stream()
                .filter(e -> e.site().startsWith("fixtures/sites/") && !e.site().startsWith("fixtures/sites/TempFile"))
                .collect(Collectors.groupingBy(Event::site, TreeMap::new, Collectors.counting()));
        assertThat(atFixtureLines).as(type + "\n" + r).isEqualTo(expected);
    }

    /**
     * Every fixture line's objects have the library's line, in one of those source trees: each
     * object placed by a walk, the first of each line and library line placed by a marked call.
     */
    private static void assertLibraryLinesIn(RunResult r, String... libraryRoots) {
        Map<Long, String> library = r.librarySites();
        Map<String, List<Event>> bySite = r.events().stream()
                .filter(e -> e.kind().equals("ALLOCATE") && e.site().startsWith("fixtures/sites/"))
                .collect(Collectors.groupingBy(e -> e.type() + " " + e.site()));
        assertThat(bySite).isNotEmpty();
        bySite.forEach((site, objects) -> {
            List<String> lines = objects.stream().map(e -> library.get(e.id())).filter(l -> l != null).toList();
            assertThat(lines).as("the @LIBRARY lines of " + site).isNotEmpty()
                    .allMatch(line -> java.util.Arrays.stream(libraryRoots).anyMatch(line::startsWith));
        });
    }
}

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

    /** Every object at a fixture line has the library's line, in one of those source trees. */
    private static void assertLibraryLinesIn(RunResult r, String... libraryRoots) {
        Map<Long, String> library = r.librarySites();
        List<Event> charged = r.events().stream()
                .filter(e -> e.kind().equals("ALLOCATE") && e.site().startsWith("fixtures/sites/")).toList();
        assertThat(charged).isNotEmpty();
        for (Event e : charged) {
            assertThat(library.get(e.id())).as("the @LIBRARY line of " + e).isNotNull()
                    .matches(site -> java.util.Arrays.stream(libraryRoots).anyMatch(site::startsWith));
        }
    }
}

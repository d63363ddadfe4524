package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every bundled recipe at once, on programs that leak nothing: a hello world, the JDK's HTTP server,
 * Jetty, and a run like a test suite's (a long class path of jars, service loading, SecureRandom,
 * temporary files, a pool, a database). Nothing may be left open at exit: what the JVM keeps for
 * itself (class path jars, the jar cache, SecureRandom's streams, temporary direct buffers) is not
 * the program's leak.
 */
class CleanProgramsIT {
    private static final String ALL_RECIPES = "include: [jdk-io, jdbc, executors, sockets]\n";

    @OnEachJdk
    void helloWorld(Jdk jdk) throws Exception {
        assertNothingLeft(JvmRun.on(jdk).agent(ALL_RECIPES).main("fixtures.clean.Hello").run(), "HELLO");
    }

    @OnEachJdk
    void jdkHttpServer(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(ALL_RECIPES).main("fixtures.clean.JdkHttpServer").run();
        assertNothingLeft(r, "BODY ok");
        assertThat(r.events("ALLOCATE", "sun.nio.ch.SocketChannelImpl")).as("the accepted connections were traced")
                .hasSize(5);
    }

    @OnEachJdk
    void jettyServer(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(ALL_RECIPES).classPath(jars("jetty-", "slf4j-"))
                .main("fixtures.clean.JettyServer").run();
        assertNothingLeft(r, "BODY ok");
        assertThat(r.events("ALLOCATE", "sun.nio.ch.SocketChannelImpl")).as("the accepted connections were traced")
                .hasSize(5);
    }

    @OnEachJdk
    void aTestSuiteLikeRun(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(ALL_RECIPES).classPath(jars("")).main("fixtures.clean.TestRunLike")
                .run("org.h2.Driver", "org.eclipse.jetty.server.Server", "io.netty.buffer.PooledByteBufAllocator");
        assertNothingLeft(r, "PASSED 4");
        assertThat(r.stdout()).contains("SERVICES true");
        assertThat(r.events("ALLOCATE", "org.h2.jdbc.JdbcConnection")).as("each test's connection was traced").hasSize(4);
    }

    private static Path[] jars(String... prefixes) throws Exception {
        try (Stream<Path> files = Files.list(Built.IT_LIBS)) {
            Path[] jars = files.filter(p -> java.util.Arrays.stream(prefixes).anyMatch(p.getFileName().toString()::startsWith))
                    .sorted().toArray(Path[]::new);
            assertThat(jars).as("copied by maven-dependency-plugin in pre-integration-test").isNotEmpty();
            return jars;
        }
    }

    private static void assertNothingLeft(RunResult r, String output) {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains(output);
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        Set<Long> released = r.events().stream().filter(e -> !e.kind().equals("ALLOCATE")).map(Event::id)
                .collect(Collectors.toSet());
        List<Event> left = r.events().stream().filter(e -> e.kind().equals("ALLOCATE") && !released.contains(e.id()))
                .toList();
        assertThat(left).as("left open at exit\n" + r).isEmpty();
        assertThat(r.events().stream().map(Event::kind)).as("collected without a close\n" + r).doesNotContain("GC");
    }
}

package dev.leaktrace.analyser.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.LogAnalyser;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.result.Analysis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

    private static Analysis analyse(String log) throws Exception {
        return new LogAnalyser(false).analyse(List.of(
                LogInput.of("-", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))));
    }

    /** One site, Repo.open, reached from two request handlers, three calls deep. */
    static final String TWO_PATHS = """
            # leaktrace test log
            @ALLOCATE com.example.Conn 1000 com/example/Repo.java:17 1
            @STACK 1 com.example.Main.main(Main.java:10);com.example.Service.handle(Service.java:42);com.example.Repo.open(Repo.java:17)
            @ALLOCATE com.example.Conn 1000 com/example/Repo.java:17 2
            @STACK 2 com.example.Main.main(Main.java:10);com.example.Service.handle(Service.java:42);com.example.Repo.open(Repo.java:17)
            @ALLOCATE com.example.Conn 1000 com/example/Repo.java:17 3
            @STACK 3 com.example.Main.main(Main.java:12);com.example.Admin.report(Admin.java:7);com.example.Repo.open(Repo.java:17)
            @ALLOCATE com.example.Conn 1000 com/example/Repo.java:17 4
            @STACK 4 com.example.Main.main(Main.java:10);com.example.Service.handle(Service.java:42);com.example.Repo.open(Repo.java:17)
            @DROP com.example.Conn 1000 4
            @ALLOCATE com.example.Conn 1000 com/example/Repo.java:17 5
            @ALLOCATE com.example.Buf 64 com/example/Io.java:3 6
            """;

    @Test
    void leaksThroughTwoCallPathsToOneSiteAreTwoStacksWithTheirOwnBytes() throws Exception {
        String collapsed = CollapsedStacks.of(analyse(TWO_PATHS));
        assertThat(collapsed.lines().toList()).containsExactly(
                "com.example.Main.main(Main.java:10);com.example.Service.handle(Service.java:42);"
                        + "com.example.Repo.open(Repo.java:17);[com.example.Conn] 2000",
                "com.example.Main.main(Main.java:12);com.example.Admin.report(Admin.java:7);"
                        + "com.example.Repo.open(Repo.java:17);[com.example.Conn] 1000",
                "[site] com/example/Repo.java:17;[com.example.Conn] 1000",
                "[site] com/example/Io.java:3;[com.example.Buf] 64");
    }

    @Test
    void everyLeakedByteIsInTheOutputOnce() throws Exception {
        Analysis analysis = analyse(TWO_PATHS);
        long total = CollapsedStacks.of(analysis).lines()
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
        assertThat(total).isEqualTo(analysis.leakedBytes()).isEqualTo(4064);
    }

    @Test
    void aCutStackKeepsItsEllipsisFrameAndEncodedNamesStayEncoded() throws Exception {
        String collapsed = CollapsedStacks.of(analyse("""
                @ALLOCATE a.My%20Conn 5 a/Repo.java:17 1
                @STACK 1 ...;a.Service.handle(Service.java:42);a.Repo.open(Repo.java:17)
                """));
        assertThat(collapsed).isEqualTo("...;a.Service.handle(Service.java:42);a.Repo.open(Repo.java:17);[a.My%20Conn] 5\n");
    }

    @Test
    void isEmptyWhenNothingLeaked() throws Exception {
        assertThat(CollapsedStacks.of(analyse("@ALLOCATE Foo 1 a.rs:1 1\n@STACK 1 a.B.c(B.java:1)\n@DROP Foo 1 1\n")))
                .isEmpty();
    }
}

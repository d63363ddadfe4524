package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.analyser.LogAnalyser;
import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.LeakStack;
import dev.leaktrace.analyser.result.ProblemKind;
import dev.leaktrace.analyser.result.StrictModeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackPairingTest {
    private static final String MAIN = "app.Main.main(Main.java:5)";
    private static final String OPEN = "app.Repo.open(Repo.java:17)";

    @Test
    void leakedObjectsKeepTheirStackAndDroppedOnesLoseIt() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 100 app/Repo.java:17 1\n"
                + "@STACK 1 " + MAIN + ";" + OPEN + "\n"
                + "@ALLOCATE app.Conn 100 app/Repo.java:17 2\n"
                + "@STACK 2 " + MAIN + ";" + OPEN + "\n"
                + "@DROP app.Conn 100 2\n"
                + "@ALLOCATE app.Conn 100 app/Repo.java:17 3\n"
                + "@STACK 3 " + MAIN + ";app.Other.run(Other.java:8);" + OPEN + "\n"
                + "@GC app.Conn 100 3\n");
        assertThat(analysis.stackLines()).isEqualTo(3);
        assertThat(analysis.otherEvents()).isZero();
        assertThat(analysis.problems().isEmpty()).isTrue();
        assertThat(analysis.stacks()).containsExactly(
                new LeakStack(List.of(MAIN, OPEN), "app.Conn", "app/Repo.java:17", 1, 100));
    }

    @Test
    void objectsWithoutAStackLineFormOneEntryPerGroupWithoutFrames() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 100 app/Repo.java:17 1\n"
                + "@STACK 1 " + OPEN + "\n"
                + "@ALLOCATE app.Conn 100 app/Repo.java:17 2\n"
                + "@ALLOCATE app.Conn 100 app/Repo.java:17 3\n"
                + "@ALLOCATE app.Buf 7 app/Io.java:3 4\n");
        assertThat(analysis.stacks()).containsExactly(
                new LeakStack(List.of(), "app.Conn", "app/Repo.java:17", 2, 200),
                new LeakStack(List.of(OPEN), "app.Conn", "app/Repo.java:17", 1, 100),
                new LeakStack(List.of(), "app.Buf", "app/Io.java:3", 1, 7));
        assertThat(analysis.stacks().stream().mapToLong(LeakStack::bytes).sum()).isEqualTo(analysis.leakedBytes());
        assertThat(analysis.hasLeakedStacks()).isTrue();
    }

    @Test
    void withoutStackLinesEveryLeakIsAnEntryWithoutFrames() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 100 app/Repo.java:17 1\n");
        assertThat(analysis.stackLines()).isZero();
        assertThat(analysis.hasLeakedStacks()).isFalse();
        assertThat(analysis.stacks()).containsExactly(new LeakStack(List.of(), "app.Conn", "app/Repo.java:17", 1, 100));
    }

    @Test
    void aStackOfAnUnknownIdIsCountedAndIgnored() throws Exception {
        Analysis analysis = TestLogs.analyse("@STACK 9 " + OPEN + "\n"
                + "@ALLOCATE app.Conn 100 app/Repo.java:17 1\n"
                + "@DROP app.Conn 100 1\n"
                + "@STACK 1 " + OPEN + "\n");
        assertThat(analysis.problems().count(ProblemKind.UNMATCHED_STACK)).isEqualTo(2);
        assertThat(analysis.problems().firstMessages(ProblemKind.UNMATCHED_STACK))
                .containsExactly("<stdin>:1: @STACK of id 9, which is not alive", "<stdin>:4: @STACK of id 1, which is not alive");
        assertThat(analysis.stackLines()).isZero();
        assertThat(analysis.leakedCount()).isZero();
        assertThat(analysis.stacks()).isEmpty();
    }

    @Test
    void aMalformedStackLineIsCountedAsMalformed() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 100 app/Repo.java:17 1\n@STACK 1\n");
        assertThat(analysis.problems().count(ProblemKind.MALFORMED_LINE)).isEqualTo(1);
        assertThat(analysis.problems().firstMessages(ProblemKind.MALFORMED_LINE).get(0))
                .startsWith("<stdin>:2: malformed @STACK line: the frames are missing");
        assertThat(analysis.hasLeakedStacks()).isFalse();
    }

    @Test
    void anUnknownIdIsFatalWithStrict() {
        assertThatThrownBy(() -> TestLogs.analyse("@ALLOCATE Foo 1 a.rs:1 1\n@STACK 2 a\n", true))
                .isInstanceOf(StrictModeException.class).hasMessageContaining("@STACK of id 2");
    }

    @Test
    void aReusedIdDoesNotInheritTheStackOfTheObjectItReplaced() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 100 app/Repo.java:17 1\n"
                + "@STACK 1 " + OPEN + "\n"
                + "@ALLOCATE app.Conn 100 app/Repo.java:17 1\n");
        assertThat(analysis.problems().count(ProblemKind.DUPLICATE_ID)).isEqualTo(1);
        assertThat(analysis.stacks()).containsExactly(new LeakStack(List.of(), "app.Conn", "app/Repo.java:17", 1, 100));
    }

    @Test
    void stacksDoNotCountAsEventsOfTheTimeline() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 100 app/Repo.java:17 1\n@STACK 1 " + OPEN + "\n");
        assertThat(analysis.timelines().get(0).events()).isEqualTo(1);
    }

    @Test
    void manyObjectsShareOneStackAndStacksOfSeveralLogsAddUp() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int id = 1; id <= 3000; id++) {
            log.append("@ALLOCATE app.Conn 10 app/Repo.java:17 ").append(id).append('\n');
            log.append("@STACK ").append(id).append(' ').append(MAIN).append(';').append(OPEN).append('\n');
            if (id % 3 != 0) {
                log.append("@DROP app.Conn 10 ").append(id).append('\n');
            }
        }
        Analysis analysis = new LogAnalyser(false).analyse(
                List.of(TestLogs.stdin(log.toString()), TestLogs.stdin(log.toString())));
        assertThat(analysis.stacks()).containsExactly(
                new LeakStack(List.of(MAIN, OPEN), "app.Conn", "app/Repo.java:17", 2000, 20000));
    }
}

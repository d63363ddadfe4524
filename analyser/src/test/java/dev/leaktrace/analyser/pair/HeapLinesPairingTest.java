package dev.leaktrace.analyser.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.output.DiffText;
import dev.leaktrace.analyser.output.HtmlReport;
import dev.leaktrace.analyser.output.LeaksText;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.HeapFindings;
import dev.leaktrace.analyser.result.Holder;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.ProblemKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapLinesPairingTest {
    private static final String LOG = "@ALLOCATE app.Conn 24 app/Pool.java:9 1\n"
            + "@ALLOCATE app.Conn 24 app/Pool.java:9 2\n"
            + "@ALLOCATE app.Conn 24 app/Pool.java:9 3\n"
            + "@ALLOCATE app.Buf 8 app/Io.java:3 4\n"
            + "@RETAINED 1 3 49248\n"
            + "@HOLDER 1 2 32832 static:app.Pool.OPEN java.util.ArrayList java.lang.Object[]\n"
            + "@HOLDER 1 1 16416 thread:worker%201 java.lang.Thread\n"
            + "@PATH 1 static:app.Pool.OPEN java.util.ArrayList.elementData java.lang.Object[][0]\n"
            + "@PATH 3 thread:worker%201 java.lang.Thread.target\n";

    @Test
    void heapLinesGoToTheGroupOfTheObjectTheyName() throws Exception {
        Analysis analysis = TestLogs.analyse(LOG);
        assertThat(analysis.problems().isEmpty()).isTrue();
        assertThat(analysis.otherEvents()).as("heap lines are not unknown events").isZero();
        LeakGroup conn = analysis.groups().stream().filter(g -> g.type().equals("app.Conn")).findFirst().orElseThrow();
        HeapFindings heap = conn.heap();
        assertThat(heap.objects()).isEqualTo(3);
        assertThat(heap.retainedBytes()).isEqualTo(49248);
        assertThat(heap.holders()).containsExactly(
                new Holder("static:app.Pool.OPEN", List.of("java.util.ArrayList", "java.lang.Object[]"), 2, 32832),
                new Holder("thread:worker%201", List.of("java.lang.Thread"), 1, 16416));
        assertThat(heap.holders().get(0).describe()).isEqualTo("app.Pool.OPEN → java.util.ArrayList → java.lang.Object[]");
        assertThat(heap.paths()).hasSize(2);
        assertThat(heap.paths().get(0).steps()).containsExactly("java.util.ArrayList.elementData", "java.lang.Object[][0]");
        assertThat(analysis.groups().stream().filter(g -> g.type().equals("app.Buf")).findFirst().orElseThrow().heap())
                .as("a group no heap line names").isNull();

        String text = LeaksText.of(analysis);
        assertThat(text).contains("app.Conn at app/Pool.java:9: 3 leaked, 72 B by the config's size, retained 48.1 KiB")
                .contains("    2 (retained 32.1 KiB) held by app.Pool.OPEN → java.util.ArrayList → java.lang.Object[]")
                .contains("    1 (retained 16.0 KiB) held by thread worker%201 → java.lang.Thread")
                .contains("path of 1: app.Pool.OPEN → java.util.ArrayList.elementData → java.lang.Object[][0]");
    }

    @Test
    void releasedButReachableObjectsAreListedApartWithTheirHolders() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 24 app/Pool.java:9 1\n@DROP app.Conn 24 1\n"
                + "@ALLOCATE app.Conn 24 app/Pool.java:9 2\n@DROP app.Conn 24 2\n"
                + "@REACHABLE 1 app.Conn app/Pool.java:9 2 32832 static:app.Pool.CLOSED java.util.ArrayList java.lang.Object[]\n");
        assertThat(analysis.problems().isEmpty()).isTrue();
        assertThat(analysis.groups()).as("released objects are not leaked").isEmpty();
        assertThat(analysis.reachable()).hasSize(1);
        LeakGroup closed = analysis.reachable().get(0);
        assertThat(closed.type()).isEqualTo("app.Conn");
        assertThat(closed.site()).isEqualTo("app/Pool.java:9");
        assertThat(closed.count()).isEqualTo(2);
        assertThat(closed.bytes()).isEqualTo(32832);
        assertThat(closed.heap().holders()).containsExactly(
                new Holder("static:app.Pool.CLOSED", List.of("java.util.ArrayList", "java.lang.Object[]"), 2, 32832));
        assertThat(LeaksText.of(analysis)).contains("Released but still reachable")
                .contains("app.Conn at app/Pool.java:9: 2 released, retained 32.1 KiB (32832 bytes), e.g. id 1")
                .contains("held by app.Pool.CLOSED → java.util.ArrayList → java.lang.Object[]");
    }

    @Test
    void aHeapLineOfAnIdNotAliveIsCountedAndIgnored() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 24 app/Pool.java:9 1\n@DROP app.Conn 24 1\n"
                + "@PATH 1 static:app.Pool.OPEN java.util.ArrayList.elementData\n@RETAINED 7 1 2\n");
        assertThat(analysis.problems().count(ProblemKind.UNMATCHED_HEAP_LINE)).isEqualTo(2);
    }

    @Test
    void malformedHeapLinesAreMalformed() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE app.Conn 24 app/Pool.java:9 1\n@RETAINED 1 x 2\n@HOLDER 1 1 2\n@PATH 1\n");
        assertThat(analysis.problems().count(ProblemKind.MALFORMED_LINE)).isEqualTo(3);
        assertThat(analysis.groups().get(0).heap()).isNull();
    }

    @Test
    void diffKeepsHoldersApart() throws Exception {
        Analysis before = TestLogs.analyse(LOG);
        Analysis after = TestLogs.analyse("@ALLOCATE app.Conn 24 app/Pool.java:9 1\n"
                + "@RETAINED 1 1 16416\n@HOLDER 1 1 16416 thread:worker%201 java.lang.Thread\n");
        LeakDiff diff = LeakDiff.compare(before, after);
        assertThat(diff.holders()).hasSize(2);
        LeakDiff.HolderChange cache = diff.holders().get(0);
        assertThat(cache.heldBy()).isEqualTo("app.Pool.OPEN → java.util.ArrayList → java.lang.Object[]");
        assertThat(cache.verdict().label()).isEqualTo("fixed");
        assertThat(diff.holders().get(1).verdict().label()).isEqualTo("unchanged");
        assertThat(DiffText.of(diff, "b", "a")).contains("By holder").contains("app.Pool.OPEN → java.util.ArrayList");
        assertThat(HtmlReport.of(before, after, diff)).contains("<h2>Diff by holder</h2>")
                .contains("<h2>Who holds them before</h2>").contains("<td>app.Pool.OPEN → java.util.ArrayList → java.lang.Object[]</td>");
    }
}

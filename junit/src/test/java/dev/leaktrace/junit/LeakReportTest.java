package dev.leaktrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakReportTest {
    @Test
    void groupsByTypeAndSiteLargestFirst() {
        List<TracedObject> leaked = List.of(
                new TracedObject("com.example.Connection", 64, "com/example/Repo.java:42", 17, false),
                new TracedObject("com.example.Buf", 1000, "com/example/Cache.java:7", 18, true),
                new TracedObject("com.example.Connection", 64, "com/example/Repo.java:42", 19, false));

        assertThat(LeakReport.format(leaked)).isEqualTo(
                "leaktrace: 3 objects (1128 bytes) leaked by this test (neither dropped nor collected):\n"
                + "  com.example.Buf         1 object, 1000 bytes  at com/example/Cache.java:7 (id 18),"
                + " still reachable after a GC\n"
                + "  com.example.Connection  2 objects, 128 bytes  at com/example/Repo.java:42 (ids 17, 19)");
    }

    @Test
    void listsTenIdsAtMost() {
        List<TracedObject> leaked = new ArrayList<>();
        for (int id = 1; id <= 12; id++) {
            leaked.add(new TracedObject("A", 1, "A.java:1", id, false));
        }

        assertThat(LeakReport.format(leaked)).startsWith("leaktrace: 12 objects (12 bytes) leaked")
                .endsWith("(ids 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more)");
    }
}

package dev.leaktrace.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.bootstrap.SiteTotals;
import dev.leaktrace.bootstrap.SiteTotalsFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTextTest {
    @Test
    void oneSeriesPerTypeAndSiteWithEscapedLabels() {
        String text = MetricsText.render(List.of(
                SiteTotalsFixture.of("app.Conn", "app/Repo.java:17", 10, 160, 7, 112, 1, 16),
                SiteTotalsFixture.of("app.We\"ird\\", "a/B.java:1", 1, 8, 0, 0, 0, 0)));
        assertThat(text).contains("# TYPE leaktrace_live_objects gauge\n")
                .contains("# TYPE leaktrace_allocations_total counter\n")
                .contains("leaktrace_live_objects{type=\"app.Conn\",site=\"app/Repo.java:17\"} 2\n")
                .contains("leaktrace_live_bytes{type=\"app.Conn\",site=\"app/Repo.java:17\"} 32\n")
                .contains("leaktrace_allocations_total{type=\"app.Conn\",site=\"app/Repo.java:17\"} 10\n")
                .contains("leaktrace_drops_total{type=\"app.Conn\",site=\"app/Repo.java:17\"} 7\n")
                .contains("leaktrace_collected_without_drop_total{type=\"app.Conn\",site=\"app/Repo.java:17\"} 1\n")
                .contains("leaktrace_live_objects{type=\"app.We\\\"ird\\\\\",site=\"a/B.java:1\"} 1\n");
    }

    @Test
    void sitesBeyondTheCapAreSummedUnderOther() {
        List<SiteTotals> totals = new ArrayList<>();
        for (int i = 0; i < MetricsText.SITES_PER_TYPE + 5; i++) {
            // site i has i live objects: the five smallest go to "other"
            totals.add(SiteTotalsFixture.of("app.Conn", "app/Repo.java:" + i, i, i * 10L, 0, 0, 0, 0));
        }
        String text = MetricsText.render(totals);
        long series = text.lines().filter(l -> l.startsWith("leaktrace_live_objects{")).count();
        assertThat(series).isEqualTo(MetricsText.SITES_PER_TYPE + 1);
        assertThat(text).contains("leaktrace_live_objects{type=\"app.Conn\",site=\"other\"} 10\n") // 0+1+2+3+4
                .contains("leaktrace_live_objects{type=\"app.Conn\",site=\"app/Repo.java:24\"} 24\n")
                .doesNotContain("site=\"app/Repo.java:4\"");
    }
}

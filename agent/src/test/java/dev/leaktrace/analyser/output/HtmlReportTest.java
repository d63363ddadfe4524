package dev.leaktrace.analyser.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.Analysis;
import dev.leaktrace.analyser.LeakDiff;
import dev.leaktrace.analyser.LogAnalyser;
import dev.leaktrace.analyser.LogInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static Analysis analyse(String log) throws Exception {
        return new LogAnalyser(false).analyse(List.of(
                LogInput.of("-", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))));
    }

    private static String growingLog(String type) {
        StringBuilder log = new StringBuilder();
        for (int id = 1; id <= 100; id++) {
            log.append("@ALLOCATE ").append(type).append(" 64 a/B.java:3 ").append(id).append('\n');
        }
        return log.toString();
    }

    @Test
    void isSelfContainedWithAChartAndEscapesNames() throws Exception {
        String html = HtmlReport.of(analyse(growingLog("List<T>&Co")));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<polyline");
        assertThat(html).contains("List&lt;T&gt;&amp;Co").doesNotContain("List<T>");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:");
        assertThat(html).doesNotContain("<script src").doesNotContain("<link");
        assertThat(html).contains("growing");
    }

    @Test
    void withTwoRunsShowsTheDiff() throws Exception {
        Analysis before = analyse(growingLog("Proof"));
        Analysis after = analyse("@ALLOCATE Proof 64 a/B.java:3 1\n@DROP Proof 64 1\n");
        String html = HtmlReport.of(before, after, LeakDiff.compare(before, after));
        assertThat(html).contains("Diff by type").contains("class=\"v fixed\"").contains("Proof");
    }

    @Test
    void axisMaximaAreRoundInBinaryUnits() {
        assertThat(SvgChart.niceCeiling(900)).isEqualTo(1000);
        assertThat(SvgChart.niceCeiling(19_000_000)).isEqualTo(20L << 20);
        assertThat(SvgChart.niceCeiling(3L << 30)).isEqualTo(4L << 30);
    }
}

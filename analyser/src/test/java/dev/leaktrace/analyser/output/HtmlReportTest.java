package dev.leaktrace.analyser.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.LogAnalyser;
import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.result.Analysis;
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
    void showsAFlameGraphOfLeakedBytesWhenTheLogHasStacks() throws Exception {
        String html = HtmlReport.of(analyse(CollapsedStacksTest.TWO_PATHS));
        assertThat(html).contains("Leaked bytes by call stack").contains("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "class=\"flame\"");
        String flame = html.substring(html.indexOf("class=\"flame\""), html.indexOf("</svg>", html.indexOf("class=\"flame\"")));
        // Tooltips carry the full frame, bytes and share; labels are the short names.
        // The leaked object without a stack at Repo.java:17 is spread over that site's two recorded stacks (2:1).
        assertThat(flame).contains("<title>com.example.Service.handle(Service.java:42)\n2.6 KiB (2666 bytes, 65.6% "
                + "of leaked bytes), 2 objects</title>");
        assertThat(flame).contains("<title>[com.example.Conn" + EstimatedStacks.MARK + "]\n");
        assertThat(flame).contains("<title>all leaked objects\n4.0 KiB (4064 bytes, 100.0% of leaked bytes)");
        assertThat(flame).contains(">Service.handle(Service.java:42)</text>");
        assertThat(flame).as("a site without any recorded stack").contains("<title>[site] com/example/Io.java:3\n");
        assertThat(flame).contains(">[Conn]</text>");
        assertThat(html).doesNotContain("stacks: 8");
    }

    @Test
    void boxWidthsAreProportionalToBytes() throws Exception {
        String flame = HtmlReport.of(analyse(CollapsedStacksTest.TWO_PATHS));
        // 2666 of 4064 bytes on a 960 wide graph
        assertThat(flame).contains("<title>com.example.Service.handle(Service.java:42)")
                .contains("width=\"629.76\" height=\"17\"");
    }

    @Test
    void withoutStacksSaysHowToRecordThem() throws Exception {
        String html = HtmlReport.of(analyse(growingLog("Proof")));
        assertThat(html).contains("Leaked bytes by call stack").contains("<code>stacks: 8</code>")
                .doesNotContain("class=\"flame\"");
    }

    @Test
    void shortNamesDropThePackage() {
        assertThat(SvgFlameGraph.shortName("com.example.Repo.open(Repo.java:17)")).isEqualTo("Repo.open(Repo.java:17)");
        assertThat(SvgFlameGraph.shortName("Repo.open(Repo.java:17)")).isEqualTo("Repo.open(Repo.java:17)");
        assertThat(SvgFlameGraph.shortName("[com.example.Outer$Conn]")).isEqualTo("[Outer$Conn]");
        assertThat(SvgFlameGraph.shortName("...")).isEqualTo("...");
        assertThat(SvgFlameGraph.shortName("[site] a/B.java:3")).isEqualTo("[site] a/B.java:3");
        assertThat(SvgFlameGraph.fit("Repo.open(Repo.java:17)", 60)).isEqualTo("Repo.op\u2026");
        assertThat(SvgFlameGraph.fit("Repo.open(Repo.java:17)", 20)).isEmpty();
    }

    @Test
    void axisMaximaAreRoundInBinaryUnits() {
        assertThat(SvgChart.niceCeiling(900)).isEqualTo(1000);
        assertThat(SvgChart.niceCeiling(19_000_000)).isEqualTo(20L << 20);
        assertThat(SvgChart.niceCeiling(3L << 30)).isEqualTo(4L << 30);
    }
}

package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program working for 2.5 s under the agent: the log has increasing @TIME marks about a second
 * apart, from its start to its exit, and the report's chart is in seconds since the JVM started.
 */
class TimeMarksIT {
    private static final String CONFIG = "types:\n  - class: fixtures.survivors.Job\n";
    private static final long RUN_MILLIS = 2500;

    @OnEachJdk
    void theLogIsMarkedInTimeAndTheReportIsInSeconds(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.timeline.SteadyLeak").agent(CONFIG);
        Path classLog = run.dir().resolve("classes.txt");
        RunResult r = run.jvm("-Xlog:class+load=info:file=" + classLog).run(String.valueOf(RUN_MILLIS));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Files.readString(classLog)).as("the uptime is read without ManagementFactory's registry of beans")
                .contains("sun.management.RuntimeImpl ").doesNotContain("sun.management.spi.PlatformMBeanProvider ");
        Matcher kept = Pattern.compile("KEPT (\\d+)").matcher(r.stdout());
        assertThat(kept.find()).as(r.toString()).isTrue();

        List<String> lines = r.log().lines().toList();
        assertThat(Event.torn(lines)).isEmpty();
        List<Long> marks = lines.stream().filter(l -> l.startsWith("@TIME ")).map(l -> Long.parseLong(l.substring(6)))
                .toList();
        assertThat(marks).as(r.log()).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(marks.get(0)).as("the first, at the agent's start").isLessThan(marks.get(marks.size() - 1));
        assertThat(marks.get(marks.size() - 1)).as("the last, at exit: after the work").isGreaterThanOrEqualTo(RUN_MILLIS);
        for (int i = 1; i < marks.size(); i++) {
            // about once a second; a loaded machine may delay the writer, never by this much
            assertThat(marks.get(i) - marks.get(i - 1)).as("marks " + marks).isLessThan(5_000);
        }
        assertThat(lines.get(lines.size() - 1)).as("the exit's mark comes after every event").startsWith("@TIME ");

        Path html = run.dir().resolve("report.html");
        RunResult report = JvmRun.cli(jdk).run("report", run.log().toString(), "-o", html.toString());
        assertThat(report.exit()).as(report.toString()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("data-axis=\"seconds\"").contains("seconds since the JVM started")
                .doesNotContain("data-axis=\"events\"");
        assertThat(page).contains("Leaked <b>" + kept.group(1) + "</b>");
        // The axis reaches the exit's mark: its last tick is a round number of seconds at or past it.
        Matcher ticks = Pattern.compile(">([0-9.,]+) s</text>").matcher(page);
        double lastTick = 0;
        while (ticks.find()) {
            lastTick = Math.max(lastTick, Double.parseDouble(ticks.group(1).replace(",", "")));
        }
        assertThat(lastTick).isGreaterThanOrEqualTo(marks.get(marks.size() - 1) / 1000.0);
    }
}

package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code log: survivors}: two million short-lived objects leave no line, a thousand kept ones are
 * the exact leak, ten held past the survivor age get both their lines, and the counts add up to
 * what the program counted itself.
 */
class SurvivorsIT {
    private static final String CONFIG = "log: survivors\nsurvivorAge: 1s\ntypes:\n  - class: fixtures.survivors.Job\n";
    private static final String JOB = "fixtures.survivors.Job";

    @OnEachJdk
    void twoMillionShortLivedAndAThousandKept(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept").agent(CONFIG);
        RunResult r = run.run("2000000", "1000", "2500");
        assertThat(r.exit()).as(r.toString()).isZero();
        String shortSite = printed(r, "SHORT");
        String keptSite = printed(r, "KEPT");
        String heldSite = printed(r, "HELD");
        Matcher totals = Pattern.compile("TOTALS allocated=(\\d+) dropped=(\\d+) kept=(\\d+)").matcher(r.stdout());
        assertThat(totals.find()).as(r.toString()).isTrue();
        long allocated = Long.parseLong(totals.group(1));
        long dropped = Long.parseLong(totals.group(2));

        assertThat(Files.size(run.log())).as("the log of 2,001,010 objects").isLessThan(1_000_000);
        List<String> lines = r.log().lines().toList();
        assertThat(Event.torn(lines)).isEmpty();
        assertThat(lines.get(0)).contains(" log=survivors survivorAge=1000ms");
        assertThat(r.events()).as("short-lived objects get no line").noneMatch(e -> shortSite.equals(e.site()));
        assertThat(r.events()).as("nor do their drops").hasSize(1000 + 10 + 10);
        assertThat(r.events("ALLOCATE", JOB)).filteredOn(e -> e.site().equals(keptSite)).hasSize(1000);
        List<Event> held = r.events("ALLOCATE", JOB).stream().filter(e -> e.site().equals(heldSite)).toList();
        assertThat(held).as("held past the age: their @ALLOCATE came before they were dropped").hasSize(10);
        assertThat(r.events("DROP", JOB)).extracting(Event::id)
                .containsExactlyInAnyOrderElementsOf(held.stream().map(Event::id).toList());
        assertThat(r.log()).contains("@COUNTS " + JOB + " " + shortSite + " 2000000 ");

        RunResult leaks = JvmRun.cli(jdk).run("leaks", run.log().toString(), "--json");
        assertThat(leaks.exit()).as(leaks.toString()).isZero();
        String json = leaks.stdout().replaceAll("\\s+", "");
        assertThat(json).contains("\"allocations\":" + allocated).contains("\"drops\":" + dropped)
                .contains("\"leaked\":{\"count\":1000,").contains("\"survivorsLog\":true")
                .contains("\"groups\":[{\"type\":\"" + JOB + "\",\"site\":\"" + keptSite + "\",\"count\":1000,");
        RunResult text = JvmRun.cli(jdk).run("leaks", run.log().toString());
        assertThat(text.stdout()).startsWith("Survivors log: ").contains("Total: " + allocated + " allocations, "
                + dropped + " drops, 0 collected without drop; leaked 1000 objects");
    }

    /** The warning names the type entry (line 4) that the top-level stacks: applies to. */
    @org.junit.jupiter.api.Test
    void stacksAreSaidToRecordNothingInThisMode() throws Exception {
        RunResult r = JvmRun.on(Jdk.current()).main("fixtures.survivors.ShortAndKept")
                .agent("log: survivors\nstacks: 4\ntypes:\n  - class: fixtures.survivors.Job\n").run("10", "3", "0");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).containsPattern("leaktrace: \\S+\\.yaml:4: stacks: 4 records nothing under log: survivors");
        assertThat(r.log()).doesNotContain("@STACK").contains("@ALLOCATE " + JOB + " ");
    }

    private static String printed(RunResult r, String what) {
        Matcher m = Pattern.compile(what + " (\\S+)").matcher(r.stdout());
        assertThat(m.find()).as(r.toString()).isTrue();
        return m.group(1);
    }
}

package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a user who mistypes gets: a message naming the mistake and, where it can, the fix. */
class CommandLineMistakesTest {
    private static final String HEADER = "# leaktrace 0.1.0 pid=4242 start=2026-01-01T00:00:00Z config=leaktrace.yaml\n";

    @TempDir
    Path dir;

    private String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        CliRun run = CliRun.of("lekas", "x.log");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("leaktrace: unknown command 'lekas'. Did you mean 'leaks'? The commands are leaks, diff,")
                .doesNotContain("Unmatched");
        assertThat(CliRun.of("frob").err()).startsWith("leaktrace: unknown command 'frob'. The commands are");
    }

    @Test
    void anUnknownOptionSuggestsTheNearestOne() {
        CliRun run = CliRun.of("leaks", "--jsn", "x.log");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("leaktrace: leaks: unknown option '--jsn'. Did you mean '--json'?");
        assertThat(CliRun.of("diff", "--fail-on-regresion", "a", "b").err())
                .contains("Did you mean '--fail-on-regression'?");
    }

    @Test
    void reportTakesAtMostTwoLogs() throws IOException {
        String log = file("a.log", MainTest.SEED);
        CliRun run = CliRun.of("report", log, log, log, "-o", dir.resolve("r.html").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("leaktrace: report: too many arguments: '" + log + "'");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"attach", "dump"})
    void aPidIsCheckedBeforeAttaching(String command) {
        String[] config = command.equals("attach") ? new String[] {"--config", "recipe:jdk-io"} : new String[0];
        CliRun notANumber = CliRun.of(concat(new String[] {command, "notapid"}, config));
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).isEqualTo("leaktrace: 'notapid' is not a process id; give the PID of a running "
                + "JVM (see 'jps -l')\n");
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        CliRun noProcess = CliRun.of(concat(new String[] {command, Long.toString(gone)}, config));
        assertThat(noProcess.exit()).isEqualTo(2);
        assertThat(noProcess.err()).startsWith("leaktrace: no process " + gone + " is running").doesNotContain("null");
    }

    @Test
    void attachAndDumpAndReportSpellTheOutputOptionAlike() {
        for (String command : new String[] {"attach", "dump", "report"}) {
            assertThat(CliRun.of(command, "--help").out()).as(command).contains("-o, --output=FILE");
        }
    }

    @Test
    void everySummaryInTheTopLevelHelpIsAWholeSentence() {
        String help = CliRun.of("--help").out();
        String commands = help.substring(help.indexOf("Commands:") + "Commands:".length());
        for (String summary : commands.split("\n  (?=\\S)")) {
            if (!summary.isBlank()) {
                assertThat(summary.strip()).as(summary).endsWith(".");
            }
        }
        assertThat(CliRun.of("report", "--help").out()).contains("Exit codes:");
    }

    @Test
    void aLogWithOnlyItsHeaderIsACleanRunEvenWithABudget() throws IOException {
        String log = file("clean.log", HEADER);
        String budget = file("budget.yaml", "default:\n  count: 0\n");
        CliRun run = CliRun.of("leaks", log, "--budget", budget, "--fail-on-leak");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("No leaks: no traced objects were created.");
        assertThat(run.err()).contains(log + ": no traced objects were created");
        assertThat(CliRun.of("leaks", dir.resolve("missing.log").toString(), "--budget", budget).exit()).isEqualTo(2);
    }

    @Test
    void countsHaveTheRightNumber() throws IOException {
        String log = file("one.log", "@ALLOCATE Index 100 Main.java:10 1\n@ALLOCATE Index 100 Mai");
        CliRun run = CliRun.of("leaks", log, "--fail-on-leak");
        assertThat(run.err()).contains("1 truncated last line;").contains("--fail-on-leak: 1 object leaked (")
                .doesNotContain("1 objects").doesNotContain("1 truncated last lines");
        assertThat(run.out()).contains("leaked 1 object,");
    }

    @Test
    void expectedObjectsDoNotFailTheLeakGate() throws IOException {
        String log = file("run.log", HEADER + "@ALLOCATE Srs 5000 Srs.java:30 1\n");
        String budget = file("budget.yaml", "expected:\n  - type: Srs\n");
        CliRun run = CliRun.of("leaks", log, "--fail-on-leak", "--budget", budget);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("1 object alive at the end is expected, kept for the whole run: Srs (" + budget + ":2)");
        assertThat(CliRun.of("leaks", log, "--fail-on-leak").exit()).isEqualTo(1);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules are valid for Prometheus ({@code promtool check rules}), and fire on a
 * growing floor of live bytes but not on a cache that fills and empties ({@code promtool test rules}).
 */
class PromtoolRulesIT {
    @Test
    void theAlertRulesAreValidAndFireOnALeakNotOnACache() throws Exception {
        assumeTrue(Tools.onPath("promtool"), "promtool is not installed (.ci/run installs Debian's prometheus package)");
        assertThat(promtool("check", "rules", "leaktrace-alerts.yml")).contains("SUCCESS: 3 rules found");
        assertThat(promtool("test", "rules", "leaktrace-alerts.test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... args) throws Exception {
        Path dir = Built.MONITORING;
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

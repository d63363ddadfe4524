package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;

/** When the output cannot be written: one clear warning, the application unharmed, its own exit code. */
class OutputFailureIT {
    private static JvmRun tracing(JvmRun run, String output) throws Exception {
        Path config = Files.writeString(run.dir().resolve("lt.yaml"), "types:\n  - class: fixtures.reliability.Tracked\n");
        return run.agentArguments("config=" + config + ",output=" + output);
    }

    @OnEachJdk
    void outputInAMissingFolder(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Exits");
        String output = run.dir().resolve("no/such/folder/trace.log").toString();
        RunResult r = tracing(run, output).run("exit", "2000", "7");
        assertThat(r.exit()).as(r.toString()).isEqualTo(7);
        assertThat(r.stdout()).contains("CREATED 2000");
        assertThat(r.stderr()).containsOnlyOnce("leaktrace: cannot open the output '" + output + "'")
                .contains("Check that the folder exists");
        assertThat(r.stderr().lines().filter(l -> l.startsWith("leaktrace:"))).as(r.stderr()).hasSize(1);
    }

    @OnEachJdk
    void diskFullDuringTheRun(Jdk jdk) throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full (Linux)");
        RunResult r = tracing(JvmRun.on(jdk).main("fixtures.reliability.Exits"), "/dev/full").run("exit", "20000", "7");
        assertThat(r.exit()).as(r.toString()).isEqualTo(7);
        assertThat(r.stdout()).contains("CREATED 20000");
        assertThat(r.stderr()).containsOnlyOnce("leaktrace: cannot write to /dev/full").contains("the application goes on");
        assertThat(r.stderr().lines().filter(l -> l.startsWith("leaktrace:"))).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).doesNotContain("\tat ");
    }
}

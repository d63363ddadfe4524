package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad config, end to end: by default the JVM stops before main with exit code 78 and a
 * message naming the file, line and key and what to do; with onConfigError: warn the application
 * runs untraced. Mistakes only visible when a class loads are warned about then, naming the
 * config's file and line, and the application runs on.
 */
class ConfigErrorsIT {
    private static final String MAIN_RAN = "CREATED 10";

    /** name, config text (null: no file), expected fragments of the message. */
    static List<Arguments> stopping() {
        List<Arguments> cases = new ArrayList<>();
        String[][] table = {
            {"missing file", null, "nope.yaml' not found", "Pass config=PATH"},
            {"empty file", "", "lt.yaml:1: ", "empty"},
            {"not YAML", "types: [unclosed\n  - x: {", "lt.yaml:", "not valid YAML"},
            {"unknown key", "outptu: x.log\ntypes:\n  - class: a.B\n", "lt.yaml:1: outptu: unknown key; did you mean 'output'?"},
            {"missing class", "types:\n  - size: 4\n", "lt.yaml:2: class: missing"},
            {"malformed wildcard", "types:\n  - class: com.*.Foo\n", "lt.yaml:2: class: ", "a wildcard may only end a package"},
            {"size keyword without its class", "types:\n  - class: a.B\n    size: \"class:\"\n", "lt.yaml:3: size: "},
            {"unknown size keyword", "types:\n  - class: a.B\n    size: deeep\n", "lt.yaml:3: size: unknown size keyword 'deeep'; did you mean 'deep'?"},
            {"expression syntax error", "types:\n  - class: a.B\n    size: data.length * \n", "lt.yaml:3: size: ", "column"},
            {"negative size", "types:\n  - class: a.B\n    size: -5\n", "lt.yaml:3: size: ", "negative"},
            {"unknown agent argument", "types:\n  - class: a.B\n", "unknown agent argument 'confg'; did you mean 'config'?"},
        };
        for (Jdk jdk : Jdk.all()) {
            for (String[] row : table) {
                cases.add(Arguments.of(jdk, row[0], row[1], java.util.Arrays.asList(row).subList(2, row.length)));
            }
        }
        return cases;
    }

    private static JvmRun withConfig(Jdk jdk, String name, String yaml, boolean warn) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Exits");
        Path config = run.dir().resolve(yaml == null ? "nope.yaml" : "lt.yaml");
        if (yaml != null) {
            Files.writeString(config, yaml);
        }
        String key = name.equals("unknown agent argument") ? "confg=" : "config=";
        return run.agentArguments(key + config + ",output=" + run.log() + (warn ? ",onConfigError=warn" : ""));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("stopping")
    void stopsBeforeMainWithExit78AndTheMessage(Jdk jdk, String name, String yaml, List<String> fragments) throws Exception {
        RunResult r = withConfig(jdk, name, yaml, false).run("normal", "10");
        assertThat(r.exit()).as(r.toString()).isEqualTo(78);
        assertThat(r.stdout()).as("main never ran").doesNotContain(MAIN_RAN);
        assertThat(r.stderr()).startsWith("leaktrace: config error: ").contains(fragments)
                .contains("stopping the JVM with exit code 78 before main").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("stopping")
    void warnModeRunsTheApplicationUntraced(Jdk jdk, String name, String yaml, List<String> fragments) throws Exception {
        if (!name.equals("unknown key") && !name.equals("missing file") && !name.equals("not YAML")) {
            return; // three kinds are enough to show the mode; each run is a JVM
        }
        RunResult r = withConfig(jdk, name, yaml, true).run("normal", "10");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains(MAIN_RAN);
        assertThat(r.stderr()).contains(fragments).contains("the application runs untraced");
        assertThat(r.events()).isEmpty();
    }

    @OnEachJdk
    void warnModeSetInTheBrokenFileItself(Jdk jdk) throws Exception {
        RunResult r = withConfig(jdk, "in file", "onConfigError: warn\ntypes:\n  - class: a.B\n    sise: 4\n", false)
                .run("normal", "10");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains(MAIN_RAN);
        assertThat(r.stderr()).contains("lt.yaml:4: sise: unknown key; did you mean 'size'?", "runs untraced");
    }

    @OnEachJdk
    void mistakesFoundWhenTheClassLoadsAreWarnedAndTheApplicationRuns(Jdk jdk) throws Exception {
        String yaml = "types:\n"
                + "  - class: fixtures.reliability.Tracked\n"
                + "    size: capacity * 2\n"
                + "    drop: [close, shutdown]\n"
                + "  - class: fixtures.reliability.Collected\n"
                + "    size: class:fixtures.reliability.NoSuchEstimator\n";
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Retained");
        Path config = Files.writeString(run.dir().resolve("lt.yaml"), yaml);
        RunResult r = run.agentArguments("config=" + config + ",output=" + run.log()).run("10");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("LIVE 0 0");
        assertThat(r.stderr())
                // Each message points at its key's own line and names the key.
                .containsOnlyOnce("lt.yaml:3: size: class fixtures.reliability.Tracked has no field 'capacity'")
                .containsOnlyOnce("lt.yaml:4: drop: fixtures.reliability.Tracked has no method 'shutdown'")
                .containsOnlyOnce("lt.yaml:6: size: ")
                .contains("fixtures.reliability.NoSuchEstimator");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).as("traced, with the shallow size")
                .isNotEmpty().allMatch(e -> e.size() > 0 && e.size() < 64);
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Collected")).isNotEmpty();
    }
}

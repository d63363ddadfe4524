package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.util.List;

/**
 * The host keeps running when a size rule fails: a null in an expression, an estimator that
 * throws, a deep walk over a graph of a million objects. Every event is still printed, with the
 * shallow size (or the walk's bounded sum), and each type warns once. Rules that try to reach
 * classes, static methods or methods with arguments are refused when bound and never run.
 */
class SizeFailuresIT {
    private static final String P = "fixtures.reliability.Sizes$";
    private static final String CONFIG = "types:\n"
            + "  - class: " + P + "NullChain\n    size: child.value()\n"
            + "  - class: " + P + "Estimated\n    size: class:fixtures.reliability.ThrowingEstimator\n"
            + "  - class: " + P + "HugeGraph\n    size: deep\n"
            + "  - class: " + P + "Escape\n    size: getClass().newInstance().hashCode()\n"
            + "  - class: " + P + "EscapeLoader\n    size: getClass().getClassLoader().hashCode()\n"
            + "  - class: " + P + "EscapeStatic\n    size: Runtime.getRuntime().availableProcessors()\n"
            + "  - class: " + P + "EscapeArguments\n    size: equals()\n";

    @OnEachJdk
    void failingRulesFallBackWarnOncePerTypeAndNeverReachTheApplication(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).main("fixtures.reliability.Sizes").agent(CONFIG).run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("DONE true");

        for (String type : List.of("NullChain", "Estimated", "Escape", "EscapeLoader", "EscapeStatic", "EscapeArguments")) {
            List<Event> events = r.events("ALLOCATE", P + type);
            assertThat(events).as(type + "\n" + r).hasSize(3);
            assertThat(events).as("the shallow size of " + type).allMatch(e -> e.size() >= 12 && e.size() <= 32);
        }
        assertThat(r.stderr()).containsOnlyOnce("size rule 'child.value()' failed for " + P + "NullChain")
                .containsOnlyOnce("failed for " + P + "Estimated (java.lang.UnsupportedOperationException: estimator bug");

        List<Event> huge = r.events("ALLOCATE", P + "HugeGraph");
        assertThat(huge).as(r.toString()).hasSize(1);
        assertThat(huge.get(0).size()).as("bounded by the walk's 100,000 objects of at most 32 bytes")
                .isBetween(100_000L * 12, 100_000L * 32 + 64);
    }

    @OnEachJdk
    void rulesCannotReachClassesStaticsOrMethodsWithArguments(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).main("fixtures.reliability.Sizes").agent(CONFIG).run();
        assertThat(r.stdout()).as("getClass().newInstance() never ran: only main's three objects")
                .contains("ESCAPE CONSTRUCTIONS 3");
        assertThat(warningFor(r, "Escape ")).contains("java.lang.Class").contains("cannot reach");
        assertThat(warningFor(r, "EscapeLoader ")).contains("java.lang.Class").contains("cannot reach");
        assertThat(warningFor(r, "EscapeStatic ")).contains("class names cannot be used");
        assertThat(warningFor(r, "EscapeArguments ")).contains("takes 1 argument");
    }

    /** The bind warning of one type: names the config's file and line, says what to fix. */
    private static String warningFor(RunResult r, String simpleName) {
        List<String> lines = r.stderr().lines().filter(l -> l.contains(P + simpleName.trim() + " ")
                || l.endsWith(P + simpleName.trim()) || l.contains("bound to " + P + simpleName.trim() + ","))
                .filter(l -> l.contains("size:")).toList();
        assertThat(lines).as("one bind warning for " + simpleName + "\n" + r.stderr()).hasSize(1);
        assertThat(lines.get(0)).contains("leaktrace0.yaml:").contains("fix the size rule");
        return lines.get(0);
    }
}

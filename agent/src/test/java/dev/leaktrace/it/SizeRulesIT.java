package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Every kind of size rule, end to end. */
class SizeRulesIT {
    private static final String P = "fixtures.sizes.Sized$";
    private static final String CONFIG = "types:\n"
            + "  - class: " + P + "ByConstant\n    size: 4096\n"
            + "  - class: " + P + "ByShallow\n    size: shallow\n"
            + "  - class: " + P + "ByDeep\n    size: deep\n"
            + "  - class: " + P + "ByCustom\n    size: class:fixtures.sizes.FixedEstimator\n"
            + "  - class: " + P + "ByExpression\n    size: data.length * 8 + 16 + rows() - 10\n"
            + "  - class: " + P + "ByBrokenExpression\n    size: child.data.length\n";

    @OnEachJdk
    void eachKindOfSizeRule(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CONFIG).main("fixtures.sizes.Sized").run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(size(r, "ByConstant")).isEqualTo(4096);
        long shallow = size(r, "ByShallow");
        assertThat(shallow).as("header plus two references").isBetween(16L, 40L);
        long array = 16 + 10 * 8;
        assertThat(size(r, "ByDeep")).as("itself, its array, its child and the child's array")
                .isEqualTo(2 * shallow + 2 * array);
        assertThat(size(r, "ByCustom")).isEqualTo(777);
        assertThat(size(r, "ByExpression")).isEqualTo(96);
        List<Event> broken = r.events("ALLOCATE", P + "ByBrokenExpression");
        assertThat(broken).as("still printed, with the shallow size").hasSize(2)
                .allMatch(e -> e.size() == shallow);
        assertThat(r.stderr()).as("one warning for the type, not one per object")
                .containsOnlyOnce("leaktrace: size rule 'child.data.length' failed for " + P + "ByBrokenExpression");
    }

    private static long size(RunResult r, String simpleName) {
        List<Event> events = r.events("ALLOCATE", P + simpleName);
        assertThat(events).as(r.toString()).hasSize(1);
        return events.get(0).size();
    }
}

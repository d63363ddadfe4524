package dev.leaktrace.bench.report;

/**
 * Workload 2 through a library's factory: the rows are in section 2's table ({@code factory-none},
 * {@code leaktrace-factory}); this section says what they measure and judges their target.
 */
final class FactorySection implements Section {
    private final JmhResults jmh;

    FactorySection(ResultsDir results) {
        this.jmh = results.jmh();
    }

    @Override
    public void render(StringBuilder out, Targets targets) {
        out.append("## 6. Tracked objects made by a library's factory\n\n")
                .append("`TrackedBench.trackedByFactory`: as `TrackedBench.tracked`, but the object is made by ")
                .append("`ResourceFactory.open(..)`, a static factory in a package the config names in `library:`; ")
                .append("its site is the benchmark's line that called the factory, known from the marked call ")
                .append("(no stack walk). Rows `factory-none` and `leaktrace-factory` in section 2's table.\n\n");
        new TrackedTargets(jmh).judgeFactory(targets);
    }
}

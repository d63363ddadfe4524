package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** stacks: N records allocating stacks; leaks --collapsed turns them into a flame graph's input. */
class StacksIT {
    @OnEachJdk
    void leakThreeCallsDeepGivesStacksAndCollapsedOutput(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agent("stacks: 3\ntypes:\n  - class: fixtures.core.Resource\n    size: 100\n");
        RunResult r = run.run("stacks");
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> stacks = r.log().lines().filter(l -> l.startsWith("@STACK ")).toList();
        assertThat(stacks).as(r.toString()).hasSize(3);
        List<String> lines = r.log().lines().filter(l -> l.startsWith("@")).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("@STACK ")) {
                String id = lines.get(i).split(" ")[1];
                assertThat(lines.get(i - 1)).as("a stack follows its allocation").startsWith("@ALLOCATE").endsWith(" " + id);
            }
        }
        assertThat(stacks.get(0)).matches("@STACK \\d+ \\.\\.\\.;fixtures\\.Scenarios\\.viaService\\(Scenarios\\.java:\\d+\\);"
                + "fixtures\\.Scenarios\\.handle\\(Scenarios\\.java:\\d+\\);fixtures\\.Scenarios\\.open\\(Scenarios\\.java:\\d+\\)");

        Path collapsed = run.dir().resolve("leaks.collapsed");
        RunResult leaks = JvmRun.cli(jdk).run("leaks", run.log().toString(), "--collapsed", collapsed.toString());
        assertThat(leaks.exit()).as(leaks.toString()).isZero();
        List<String> graph = Files.readAllLines(collapsed);
        assertThat(graph).as(String.join("\n", graph)).anyMatch(l -> l.contains("viaJob") && l.endsWith("[fixtures.core.Resource] 200"))
                .anyMatch(l -> l.contains("viaService") && l.endsWith("[fixtures.core.Resource] 100"));
    }
}

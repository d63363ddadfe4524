package dev.leaktrace.analyser.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.analyser.result.LeakStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatedStacksTest {
    private static final List<String> A = List.of("app.Main.main(Main.java:5)", "app.Repo.open(Repo.java:17)");
    private static final List<String> B = List.of("app.Main.main(Main.java:9)", "app.Repo.open(Repo.java:17)");

    @Test
    void unstackedObjectsOfASiteFollowItsRecordedStacksInProportionAndSayTheyAreEstimated() {
        List<LeakStack> drawn = EstimatedStacks.spread(List.of(
                new LeakStack(A, "app.Conn", "app/Repo.java:17", 3, 300),
                new LeakStack(B, "app.Conn", "app/Repo.java:17", 1, 100),
                new LeakStack(List.of(), "app.Conn", "app/Repo.java:17", 8, 800),
                new LeakStack(List.of(), "app.Buf", "app/Io.java:3", 2, 14)));
        assertThat(drawn).containsExactly(
                new LeakStack(A, "app.Conn", "app/Repo.java:17", 3, 300),
                new LeakStack(B, "app.Conn", "app/Repo.java:17", 1, 100),
                new LeakStack(A, "app.Conn" + EstimatedStacks.MARK, "app/Repo.java:17", 6, 600),
                new LeakStack(B, "app.Conn" + EstimatedStacks.MARK, "app/Repo.java:17", 2, 200),
                new LeakStack(List.of(), "app.Buf", "app/Io.java:3", 2, 14));
        assertThat(drawn.stream().mapToLong(LeakStack::bytes).sum()).as("every byte once").isEqualTo(1214);
    }
}

package dev.leaktrace.bench.untracked;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * Workload 1: allocation- and call-heavy code in classes the config does not name: records,
 * lists, a hash map, megamorphic calls, string building, an AutoCloseable in try-with-resources.
 */
public final class Workload {
    private static final String[] NAMES = {"ab", "cd", "ef", "gh", "ij", "kl", "mn", "op"};

    private Workload() {
    }

    /**
     * Never inlined into JMH's loop: whether C2 inlines this large method there depends on its
     * compile order, which would split forks into a fast and a slow mode (docs/performance.md).
     */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public static long run(int seed) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            int k = (seed + i) % 3;
            shapes.add(k == 0 ? new Shape.Circle(i) : k == 1 ? new Shape.Rect(i, i + 1) : new Shape.Tri(i, 2));
        }
        Map<String, Double> byName = new HashMap<>();
        double total = 0;
        for (Shape s : shapes) {
            total += s.area();
            byName.merge(s.name(), s.area(), Double::sum);
        }
        long h = (long) total;
        try (Scratch scratch = new Scratch()) {
            for (int i = 0; i < 8; i++) {
                scratch.append(NAMES[(seed + i) & 7]).append(Integer.toString(seed + i));
            }
            h = h * 31 + scratch.length();
        }
        return h * 31 + byName.size() + fib(12);
    }

    private static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}

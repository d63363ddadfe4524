package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.LeakStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For the report's flame graph: the leaked objects of a site that got no @STACK line (the agent
 * records the first few per site) drawn under the stacks recorded at that same site, in proportion
 * to their bytes, and marked as estimated in their bottom box. A site without any recorded stack
 * keeps its {@code [site]} box. {@code leaks --collapsed} and the JSON stay exact.
 */
final class EstimatedStacks {
    static final String MARK = " (estimated: no @STACK line)";

    private EstimatedStacks() {
    }

    static List<LeakStack> spread(List<LeakStack> stacks) {
        Map<String, List<LeakStack>> recorded = new LinkedHashMap<>();
        for (LeakStack stack : stacks) {
            if (stack.hasStack()) {
                recorded.computeIfAbsent(stack.type() + " " + stack.site(), k -> new ArrayList<>()).add(stack);
            }
        }
        List<LeakStack> drawn = new ArrayList<>();
        for (LeakStack stack : stacks) {
            List<LeakStack> like = stack.hasStack() ? null : recorded.get(stack.type() + " " + stack.site());
            if (like == null) {
                drawn.add(stack);
                continue;
            }
            long recordedBytes = 0;
            for (LeakStack s : like) {
                recordedBytes += s.bytes();
            }
            long bytesLeft = stack.bytes();
            long countLeft = stack.count();
            for (int i = 0; i < like.size(); i++) {
                LeakStack s = like.get(i);
                boolean last = i == like.size() - 1;
                long bytes = last || recordedBytes == 0 ? bytesLeft : stack.bytes() * s.bytes() / recordedBytes;
                long count = last || recordedBytes == 0 ? countLeft : stack.count() * s.bytes() / recordedBytes;
                bytesLeft -= bytes;
                countLeft -= count;
                if (bytes > 0 || count > 0) {
                    drawn.add(new LeakStack(s.frames(), stack.type() + MARK, stack.site(), count, bytes));
                }
                if (recordedBytes == 0) {
                    break;
                }
            }
        }
        return drawn;
    }
}

package dev.leaktrace.bench.memory;

import dev.leaktrace.bench.tracked.TrackedResource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Agent memory per live tracked object: creates N tracked objects and keeps them, then closes
 * them all (still keeping them reachable). Prints the heap used after a full GC at each step, as
 * {@code key=value} lines; run with and without the agent, the difference divided by N is the
 * agent's cost per live object, and after the closes, what it retains for dropped ones.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TrackedResource[] keep = new TrackedResource[n];
        long base = usedAfterGc();
        for (int i = 0; i < n; i++) {
            keep[i] = new TrackedResource(i);
        }
        long live = usedAfterGc();
        for (TrackedResource r : keep) {
            r.close();
        }
        long dropped = usedAfterGc();
        long sum = 0;
        for (TrackedResource r : keep) {
            sum += r.isClosed() ? 1 : 0;
        }
        System.out.println("objects=" + n);
        System.out.println("closed=" + sum);
        System.out.println("base=" + base);
        System.out.println("live=" + live);
        System.out.println("dropped=" + dropped);
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

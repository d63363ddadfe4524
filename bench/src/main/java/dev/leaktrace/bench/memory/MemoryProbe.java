package dev.leaktrace.bench.memory;

import dev.leaktrace.bench.tracked.TrackedResource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Agent memory per live tracked object: creates N tracked objects and keeps them, then closes
 * them all (still keeping them reachable), then creates and closes N more one at a time (kept
 * reachable too: what is retained per dropped object, with at most one live). Prints the heap
 * used after a full GC at each step, as {@code key=value} lines; run with and without the agent,
 * the difference divided by N is the agent's cost per live object, and after the closes, what it
 * retains for dropped ones.
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
        // Churn: N more objects, each closed at once (so at most one is live), all kept reachable.
        TrackedResource[] churned = new TrackedResource[n];
        long churnBase = usedAfterGc();
        for (int i = 0; i < n; i++) {
            TrackedResource r = new TrackedResource(i);
            r.close();
            churned[i] = r;
        }
        long churn = usedAfterGc();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (keep[i].isClosed() ? 1 : 0) + (churned[i].isClosed() ? 1 : 0);
        }
        System.out.println("objects=" + n);
        System.out.println("closed=" + sum);
        System.out.println("base=" + base);
        System.out.println("live=" + live);
        System.out.println("dropped=" + dropped);
        System.out.println("churnBase=" + churnBase);
        System.out.println("churn=" + churn);
    }

    /**
     * The least heap used over 2 s of collections, long enough for the agent's writer to write out
     * the lines it still holds on a slow disk, which would otherwise count as retained.
     */
    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

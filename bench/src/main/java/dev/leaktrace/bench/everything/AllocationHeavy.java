package dev.leaktrace.bench.everything;

/**
 * The "trace everything" workload, a whole-process probe: each round builds three small objects
 * of three classes (no arrays, which allocation-instrumenter would count and a constructor-based
 * tracer would not) and closes one, so that every peer sees the same allocations. It times the
 * measured rounds itself, after warm-up rounds, and prints {@code NS_PER_ROUND <n> OBJECTS_PER_ROUND 3}
 * and a checksum, so a run under any agent can be compared with one under none.
 *
 * <p>{@code -Dbench.sampler=stackwalker} registers allocation-instrumenter's callback (that agent
 * must be the -javaagent), which finds each object's site with a StackWalker as a site-reporting
 * tool would.
 */
public final class AllocationHeavy {
    /** Kept reachable for a while, as a program's live objects are, and read for the checksum. */
    private static final Object[] RING = new Object[4096];

    public static void main(String[] args) throws Exception {
        long warmup = Long.parseLong(args[0]);
        long rounds = Long.parseLong(args[1]);
        boolean sampled = "stackwalker".equals(System.getProperty("bench.sampler"));
        if (sampled) {
            StackWalkerSampler.install();
        }
        long sum = run(warmup);
        long start = System.nanoTime();
        sum += run(rounds);
        long elapsed = System.nanoTime() - start;
        System.out.println("NS_PER_ROUND " + (double) elapsed / rounds + " OBJECTS_PER_ROUND 3 CHECKSUM " + sum
                + (sampled ? " SAMPLED " + StackWalkerSampler.seen() : ""));
    }

    private static long run(long rounds) {
        long sum = 0;
        for (long i = 0; i < rounds; i++) {
            Point p = new Point((int) i, (int) (i >>> 3));
            Link link = new Link(p, (Link) RING[(int) (i & (RING.length - 1))]);
            try (Lease lease = new Lease(link)) {
                sum += lease.weight();
            }
            RING[(int) (i & (RING.length - 1))] = link.depth() > 8 ? null : link;
        }
        return sum;
    }

    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    static final class Link {
        final Point point;
        final Link next;

        Link(Point point, Link next) {
            this.point = point;
            this.next = next;
        }

        int depth() {
            int d = 0;
            for (Link l = next; l != null; l = l.next) {
                d++;
            }
            return d;
        }
    }

    static final class Lease implements AutoCloseable {
        private Link held;

        Lease(Link held) {
            this.held = held;
        }

        long weight() {
            return held.point.x + held.point.y;
        }

        @Override
        public void close() {
            held = null;
        }
    }
}

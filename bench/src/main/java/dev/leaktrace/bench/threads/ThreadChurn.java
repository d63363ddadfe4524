package dev.leaktrace.bench.threads;

import dev.leaktrace.bench.tracked.TrackedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The thread-churn workload of {@code bench/scripts/threads.sh}: {@code <virtual|platform> <threads>}.
 * Each thread makes one traced resource and closes it, except every hundredth, which is kept.
 * Prints the workload's own time ({@code MILLIS n}); the script times the whole process too.
 */
public final class ThreadChurn {
    private static final List<TrackedResource> KEPT = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        boolean virtual = args[0].equals("virtual");
        int threads = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        if (virtual) {
            ExecutorService perTask = (ExecutorService) Executors.class
                    .getMethod("newVirtualThreadPerTaskExecutor").invoke(null); // Java 21+, built for 17
            for (int i = 0; i < threads; i++) {
                perTask.execute(new MakeOne(i));
            }
            perTask.shutdown();
            perTask.awaitTermination(10, TimeUnit.MINUTES);
        } else {
            Thread[] batch = new Thread[8];
            for (int i = 0; i < threads; i += batch.length) {
                for (int j = 0; j < batch.length; j++) {
                    batch[j] = new Thread(new MakeOne(i + j));
                    batch[j].start();
                }
                for (Thread t : batch) {
                    t.join();
                }
            }
        }
        System.out.println("MILLIS " + (System.nanoTime() - start) / 1_000_000 + " KEPT " + KEPT.size());
    }

    private static final class MakeOne implements Runnable {
        private final int index;

        MakeOne(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            TrackedResource r = new TrackedResource(index);
            if (index % 100 == 0) {
                synchronized (KEPT) {
                    KEPT.add(r);
                }
            } else {
                r.close();
            }
        }
    }
}

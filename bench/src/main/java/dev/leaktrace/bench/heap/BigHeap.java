package dev.leaktrace.bench.heap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service-like heap for the cost of paths from GC roots: about {@code args[0]} MB of live data
 * in a map of small records (millions of objects, as a real heap has), plus {@code args[1]} traced
 * sessions leaked into a static list. Prints {@code ready <pid>}, then waits for a file named stop
 * in its working directory (at most 10 minutes).
 */
public final class BigHeap {
    static final Map<Long, Record> DATA = new HashMap<>();
    static final List<Session> LEAKED = new ArrayList<>();

    /** A record: a map entry, its key, the record and its bytes are four objects of about 530 bytes. */
    static final class Record {
        final long key;
        final byte[] payload = new byte[450];

        Record(long key) {
            this.key = key;
        }
    }

    public static void main(String[] args) throws Exception {
        long megabytes = Long.parseLong(args[0]);
        int leaked = Integer.parseInt(args[1]);
        long records = megabytes * 1024 * 1024 / 530;
        for (long i = 0; i < records; i++) {
            DATA.put(i, new Record(i));
        }
        for (int i = 0; i < leaked; i++) {
            LEAKED.add(new Session(DATA.get((long) i)));
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println("ready " + ProcessHandle.current().pid() + " records=" + records + " leaked=" + leaked
                + " heapUsedMB=" + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        System.out.flush();
        long deadline = System.currentTimeMillis() + 600_000;
        while (!Files.exists(Path.of("stop")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }
}

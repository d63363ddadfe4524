package dev.leaktrace.bench.analyser;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Workload 4's input: a trace log of {@code lines} event lines in the agent's format, allocations
 * and drops interleaved (a few thousand objects alive at a time, short and long lives), of which
 * {@code alive} allocations are never dropped (1% of the lines for 10M/100k), mostly from a
 * handful of leaky sites, as real leaks are. Deterministic for a seed.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.leaktrace.bench.analyser.LogGenerator FILE [lines] [alive] [seed]</pre>
 */
public final class LogGenerator {
    private static final String[] TYPES = {
        "java.io.FileInputStream", "java.io.FileOutputStream", "java.util.zip.ZipFile",
        "sun.nio.ch.FileChannelImpl", "java.io.RandomAccessFile", "com.acme.db.PooledConnection",
        "com.acme.db.PreparedStatementHandle", "com.acme.db.ResultCursor", "io.netty.buffer.PooledUnsafeDirectByteBuf",
        "com.acme.cache.OffHeapSegment", "com.acme.prover.FieldVector", "com.acme.prover.LookupTable",
        "com.acme.net.ChannelHandle", "com.acme.http.ResponseBody", "com.acme.io.TempFile", "com.acme.io.MappedRegion",
    };
    private static final String[] CLASSES = {
        "com/acme/service/OrderService", "com/acme/service/InvoiceService", "com/acme/repo/OrderRepository",
        "com/acme/repo/CustomerRepository", "com/acme/http/RequestHandler", "com/acme/http/StaticFiles",
        "com/acme/batch/ImportJob", "com/acme/batch/ExportJob", "com/acme/prover/Prover", "com/acme/prover/Srs",
        "com/acme/cache/Loader", "com/acme/net/Client", "org/springframework/jdbc/core/JdbcTemplate",
        "com/zaxxer/hikari/pool/HikariPool", "io/netty/buffer/PooledByteBufAllocator",
    };

    private LogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        long alive = args.length > 2 ? Long.parseLong(args[2]) : 100_000L;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
        if ((lines + alive) % 2 != 0 || alive > lines) {
            throw new IllegalArgumentException("lines + alive must be even and alive <= lines");
        }
        SplittableRandom rnd = new SplittableRandom(seed);

        int siteCount = 400;
        byte[][] sites = new byte[siteCount][];
        int[] siteType = new int[siteCount];
        for (int i = 0; i < siteCount; i++) {
            String cls = CLASSES[rnd.nextInt(CLASSES.length)];
            String simple = cls.substring(cls.lastIndexOf('/') + 1);
            sites[i] = (cls.substring(0, cls.lastIndexOf('/') + 1) + simple + ".java:" + (20 + rnd.nextInt(900)))
                    .getBytes(StandardCharsets.US_ASCII);
            siteType[i] = rnd.nextInt(TYPES.length);
        }
        byte[][] types = new byte[TYPES.length][];
        long[] typeSize = new long[TYPES.length];
        for (int i = 0; i < TYPES.length; i++) {
            types[i] = TYPES[i].getBytes(StandardCharsets.US_ASCII);
            typeSize[i] = 16 + 8L * rnd.nextInt(1, 200);
        }
        int[] leakySites = {3, 17, 42, 99, 123, 256, 311, 388};

        long allocations = (lines + alive) / 2;
        long leaksLeft = alive;
        long allocsLeft = allocations;
        // Objects allocated and not yet dropped (leaks excluded): id, type, size.
        int poolCap = 1 << 16;
        long[] poolId = new long[poolCap];
        int[] poolType = new int[poolCap];
        long[] poolSize = new long[poolCap];
        int pool = 0;
        long nextId = 0;
        long written = 0;
        byte[] buf = new byte[256];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            while (written < lines) {
                boolean allocate = allocsLeft > 0
                        && (pool == 0 || (pool < poolCap && (pool < 2000 || rnd.nextInt(100) < 50)));
                if (allocate) {
                    boolean leak = rnd.nextLong(allocsLeft) < leaksLeft;
                    int site = leak && rnd.nextInt(10) < 9 ? leakySites[rnd.nextInt(leakySites.length)]
                            : rnd.nextInt(siteCount);
                    int type = siteType[site];
                    long size = typeSize[type] + (rnd.nextInt(4) == 0 ? rnd.nextInt(4096) : 0);
                    long id = ++nextId;
                    int p = put(buf, 0, "@ALLOCATE ");
                    p = put(buf, p, types[type]);
                    buf[p++] = ' ';
                    p = put(buf, p, Long.toString(size));
                    buf[p++] = ' ';
                    p = put(buf, p, sites[site]);
                    buf[p++] = ' ';
                    p = put(buf, p, Long.toString(id));
                    buf[p++] = '\n';
                    out.write(buf, 0, p);
                    allocsLeft--;
                    if (leak) {
                        leaksLeft--;
                    } else {
                        poolId[pool] = id;
                        poolType[pool] = type;
                        poolSize[pool] = size;
                        pool++;
                    }
                } else {
                    // Mostly the young die first (the tail of the pool), some live long.
                    int i = rnd.nextInt(4) == 0 ? rnd.nextInt(pool) : pool - 1 - rnd.nextInt(Math.min(pool, 64));
                    int p = put(buf, 0, "@DROP ");
                    p = put(buf, p, types[poolType[i]]);
                    buf[p++] = ' ';
                    p = put(buf, p, Long.toString(poolSize[i]));
                    buf[p++] = ' ';
                    p = put(buf, p, Long.toString(poolId[i]));
                    buf[p++] = '\n';
                    out.write(buf, 0, p);
                    pool--;
                    poolId[i] = poolId[pool];
                    poolType[i] = poolType[pool];
                    poolSize[i] = poolSize[pool];
                }
                written++;
            }
        }
        if (pool != 0 || leaksLeft != 0 || allocsLeft != 0) {
            throw new IllegalStateException("generator bug: pool=" + pool + " leaksLeft=" + leaksLeft);
        }
        System.out.printf("%s: %d lines, %d allocations, %d alive at the end, %d bytes%n", file, lines, allocations,
                alive, Files.size(file));
    }

    private static int put(byte[] buf, int p, String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[p++] = (byte) s.charAt(i);
        }
        return p;
    }

    private static int put(byte[] buf, int p, byte[] b) {
        System.arraycopy(b, 0, buf, p, b.length);
        return p + b.length;
    }
}

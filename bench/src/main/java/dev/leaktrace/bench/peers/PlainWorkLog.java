package dev.leaktrace.bench.peers;

import java.nio.charset.StandardCharsets;

/**
 * The control for the depth figure, no agent involved: about the work leaktrace does per object
 * (a thread's state looked up, both lines formatted into a buffer, the buffer dropped when full,
 * as with output=none), done by plain code in four calls from the object's constructor and
 * close(), as the agent's four calls are. If work of this size costs more at the bottom of a deep
 * stack than of a shallow one, it does whoever does it.
 */
public final class PlainWorkLog {
    private static final byte[] ALLOCATE = "@ALLOCATE dev.leaktrace.bench.peers.PlainWorkResource 24 "
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DROP = "@DROP dev.leaktrace.bench.peers.PlainWorkResource 24 "
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] SITES = {"TrackedBench.java:93 ".getBytes(StandardCharsets.US_ASCII)};
    private static final ThreadLocal<PlainWorkLog> CURRENT = ThreadLocal.withInitial(PlainWorkLog::new);

    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int pendingSite = -1;
    private Object newest;
    private long nextId = 1;
    private long newestId;

    private PlainWorkLog() {
    }

    /** Before the constructor: the site of the {@code new}. */
    public static void announce(int site) {
        CURRENT.get().pendingSite = site;
    }

    /** After super(): the object is tied to its announcement. */
    public static void bound(Object self) {
        PlainWorkLog log = CURRENT.get();
        if (log.pendingSite >= 0) {
            log.newest = self;
        }
    }

    /** The constructor's exit: the @ALLOCATE line. */
    public static void constructed(Object self) {
        PlainWorkLog log = CURRENT.get();
        if (log.newest != self || log.pendingSite < 0) {
            return;
        }
        byte[] site = SITES[log.pendingSite];
        log.pendingSite = -1;
        log.newestId = log.nextId++;
        log.room(ALLOCATE.length + site.length + 21);
        log.put(ALLOCATE);
        log.put(site);
        log.putId(log.newestId);
    }

    /** close(): the @DROP line. */
    public static void released(Object self) {
        PlainWorkLog log = CURRENT.get();
        if (log.newest != self) {
            return;
        }
        log.newest = null;
        log.room(DROP.length + 21);
        log.put(DROP);
        log.putId(log.newestId);
    }

    private void room(int bytes) {
        if (position + bytes > buffer.length) {
            position = 0;
        }
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private void putId(long id) {
        int digits = 1;
        for (long v = id; v >= 10; v /= 10) {
            digits++;
        }
        int end = position + digits;
        for (int i = end - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + id % 10);
            id /= 10;
        }
        buffer[end] = '\n';
        position = end + 1;
    }
}

package dev.leaktrace.analyser.parse;

/**
 * What a line of a log is: the byte that {@link EventLine#kind} holds. The parsers set it and the
 * pairing reads it; a byte rather than an enum, since the reading thread stores one per line and
 * storing a reference costs the garbage collector's write barrier (docs/performance.md).
 */
public final class LineKind {
    /** No @-token: ordinary program output, headers, comments. */
    public static final byte NONE = 0;
    /** An upper-case @-token we do not know (for example {@code @MARK}); counted, otherwise ignored. */
    public static final byte OTHER = 1;
    public static final byte ALLOCATE = 2;
    public static final byte DROP = 3;
    public static final byte GC = 4;
    /** {@code @STACK <id> <frame>;<frame>;...}: the allocating call stack of an object, root first. */
    public static final byte STACK = 5;
    /** An @ALLOCATE/@DROP/@GC/@STACK/@LIBRARY token whose fields do not parse; see {@link EventLine#error}. */
    public static final byte MALFORMED = 6;
    /**
     * {@code @COUNTS <type> <file>:<line> <allocated> <allocated_bytes> <dropped> <dropped_bytes>
     * <collected> <collected_bytes>}: a type and site's counts since the start, written
     * periodically and at exit by {@code log: survivors}; the last one of a type and site holds.
     */
    public static final byte COUNTS = 7;
    /** {@code # leaktrace <version> pid=... host=... log=...}: the agent's header; see {@link EventLine#lineStart}. */
    public static final byte HEADER = 8;
    /**
     * {@code @LIBRARY <id> <file>:<line>}: where the library code that made an object ran its
     * {@code new}, when its @ALLOCATE's site is the application line that called that library.
     */
    public static final byte LIBRARY = 9;
    /** {@code @RETAINED <id> <objects> <bytes>}: from a heap dump, what releasing the group of object id would free. */
    public static final byte RETAINED = 10;
    /** {@code @HOLDER <id> <objects> <bytes> <root> <class>...}: from a heap dump, one holder of the group of object id. */
    public static final byte HOLDER = 11;
    /** {@code @PATH <id> <root> <step>...}: from a heap dump, the path from a GC root to object id. */
    public static final byte PATH = 12;
    /**
     * {@code @REACHABLE <id> <type> <file>:<line> <objects> <bytes> <root> <class>...}: from a heap
     * dump, one holder of objects of a group that were dropped yet are still strongly reachable.
     */
    public static final byte REACHABLE = 13;

    private static final String[] NAMES = {"NONE", "OTHER", "ALLOCATE", "DROP", "GC", "STACK", "MALFORMED", "COUNTS",
        "HEADER", "LIBRARY", "RETAINED", "HOLDER", "PATH", "REACHABLE"};

    private LineKind() {
    }

    /** The name of {@code kind}, spelt as its token: {@code ALLOCATE} for {@link #ALLOCATE}. */
    public static String name(byte kind) {
        return NAMES[kind];
    }
}

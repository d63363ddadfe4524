package dev.leaktrace.analyser;

/** What {@link EventLineParser} found on one line. */
public enum LineKind {
    /** No @-token: ordinary program output, headers, comments. */
    NONE,
    /** An upper-case @-token we do not know (for example {@code @MARK}); counted, otherwise ignored. */
    OTHER,
    ALLOCATE,
    DROP,
    GC,
    /** {@code @STACK <id> <frame>;<frame>;...}: the allocating call stack of an object, root first. */
    STACK,
    /** An @ALLOCATE/@DROP/@GC/@STACK token whose fields do not parse; see {@link EventLine#error}. */
    MALFORMED
}

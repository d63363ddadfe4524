package dev.leaktrace.analyser;

/** What {@link EventLineParser} found on one line. */
public enum LineKind {
    /** No @-token: ordinary program output, headers, comments. */
    NONE,
    /** An @-token we do not pair (for example {@code @STACK}); counted, otherwise ignored. */
    OTHER,
    ALLOCATE,
    DROP,
    GC,
    /** An @ALLOCATE/@DROP/@GC token whose fields do not parse; see {@link EventLine#error}. */
    MALFORMED
}

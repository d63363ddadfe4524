package dev.leaktrace.analyser.result;

/** The kinds of bad input the analyser survives, each with what it did about it. */
public enum ProblemKind {
    MALFORMED_LINE("malformed event line", "malformed event lines", "the line was skipped"),
    UNMATCHED_DROP("drop of an unknown id", "drops of unknown ids", "ignored; was the log started after the object was created, or the id dropped twice?"),
    DUPLICATE_ID("id allocated twice", "ids allocated twice", "the earlier allocation was replaced by the later one"),
    UNMATCHED_STACK("stack of an unknown id", "stacks of unknown ids", "ignored; a @STACK line belongs right after the @ALLOCATE of its "
            + "object, before its drop"),
    UNMATCHED_LIBRARY("library line of an unknown id", "library lines of unknown ids", "ignored; a @LIBRARY line"
            + " belongs right after the @ALLOCATE of its object, before its drop"),
    UNMATCHED_HEAP_LINE("heap analysis line of an unknown id", "heap analysis lines of unknown ids",
            "ignored; @RETAINED, @HOLDER and @PATH lines belong after the @ALLOCATE of their object, in the same log or dump"),
    MISMATCHED_DROP("drop whose type or size differs from the allocation",
            "drops whose type or size differ from the allocation", "paired by id anyway"),
    TRUNCATED_LINE("truncated last line", "truncated last lines", "the last line has no newline and is incomplete, so it was skipped; "
            + "was the log still being written, or cut off?"),
    TRUNCATED_FILE("file that ends early", "files that end early", "the results cover the lines before that point");

    private final String singular;
    private final String plural;
    private final String consequence;

    ProblemKind(String singular, String plural, String consequence) {
        this.singular = singular;
        this.plural = plural;
        this.consequence = consequence;
    }

    /** A count of these, e.g. "3 malformed event lines", "1 truncated last line". */
    public String counted(long count) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** What the analysis did about it, to tell the user. */
    public String consequence() {
        return consequence;
    }
}

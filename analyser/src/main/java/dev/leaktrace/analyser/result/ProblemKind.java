package dev.leaktrace.analyser.result;

/** The kinds of bad input the analyser survives, each with what it did about it. */
public enum ProblemKind {
    MALFORMED_LINE("malformed event lines", "the line was skipped"),
    UNMATCHED_DROP("drops of unknown ids", "ignored; was the log started after the object was created, or the id dropped twice?"),
    DUPLICATE_ID("ids allocated twice", "the earlier allocation was replaced by the later one"),
    UNMATCHED_STACK("stacks of unknown ids", "ignored; a @STACK line belongs right after the @ALLOCATE of its "
            + "object, before its drop"),
    UNMATCHED_LIBRARY("library lines of unknown ids", "ignored; a @LIBRARY line belongs right after the @ALLOCATE"
            + " of its object, before its drop"),
    MISMATCHED_DROP("drops whose type or size differ from the allocation", "paired by id anyway"),
    TRUNCATED_LINE("truncated last lines", "the last line has no newline and is incomplete, so it was skipped; "
            + "was the log still being written, or cut off?"),
    TRUNCATED_FILE("files that end early", "the results cover the lines before that point");

    private final String plural;
    private final String consequence;

    ProblemKind(String plural, String consequence) {
        this.plural = plural;
        this.consequence = consequence;
    }

    /** How a count of these is described, e.g. "3 malformed event lines". */
    public String plural() {
        return plural;
    }

    /** What the analysis did about it, to tell the user. */
    public String consequence() {
        return consequence;
    }
}

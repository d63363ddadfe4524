package dev.leaktrace.agent.size;

/**
 * A size rule that cannot be parsed, or cannot be bound to a class. Raised once, when the config is
 * read or when a traced class is first seen, never while objects are being measured.
 */
public final class SizeRuleException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;

    /** A problem not tied to a position in the rule's text (column 0). */
    public SizeRuleException(String message) {
        this(message, 0, null);
    }

    public SizeRuleException(String message, int column) {
        this(message, column, null);
    }

    public SizeRuleException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public SizeRuleException(String message, int column, Throwable cause) {
        super(message, cause);
        this.column = column;
    }

    /** The 1-based column in the rule's text where the problem is, or 0 when not applicable. */
    public int column() {
        return column;
    }
}

package dev.leaktrace.agent.size;

import java.util.Objects;

/** One token of a size expression; {@code column} is 1-based in the text of the rule. */
record Token(Kind kind, String text, int column) {

    enum Kind { NUMBER, NAME, PLUS, MINUS, STAR, SLASH, LEFT_PAREN, RIGHT_PAREN, DOT, END }

    /** How the token appears in an error message: {@code ')'}, {@code name 'foo'}, {@code the end}. */
    String quoted() {
        return switch (kind) {
            case NUMBER -> "number " + text;
            case NAME -> "name '" + text + "'";
            case END -> "end of expression";
            default -> "'" + text + "'";
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token t && kind == t.kind && Objects.equals(text, t.text) && column == t.column;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text, column);
    }

    @Override
    public String toString() {
        return "Token[kind=" + kind + ", text=" + text + ", column=" + column + "]";
    }
}

package dev.leaktrace.agent.size;

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
}

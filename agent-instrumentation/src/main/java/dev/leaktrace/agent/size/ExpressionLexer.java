package dev.leaktrace.agent.size;

/**
 * Splits a size expression into tokens, one at a time as the parser asks, so that errors are
 * reported in the order of their columns. Rejects anything outside the language with its column.
 */
final class ExpressionLexer {
    private final String text;
    private int position;

    ExpressionLexer(String text) {
        this.text = text;
    }

    /** The next token; at the end of the text, an {@link Token.Kind#END} token, again and again. */
    Token next() throws SizeRuleException {
        skipWhitespace();
        if (position >= text.length()) {
            return new Token(Token.Kind.END, "", position + 1);
        }
        return token();
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private Token token() throws SizeRuleException {
        char c = text.charAt(position);
        int column = position + 1;
        if (isAsciiDigit(c)) {
            return number();
        }
        if (Character.isJavaIdentifierStart(c)) {
            return name();
        }
        Token.Kind kind = switch (c) {
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            case '*' -> Token.Kind.STAR;
            case '/' -> Token.Kind.SLASH;
            case '(' -> Token.Kind.LEFT_PAREN;
            case ')' -> Token.Kind.RIGHT_PAREN;
            case '.' -> Token.Kind.DOT;
            default -> throw unexpectedCharacter(c, column);
        };
        position++;
        return new Token(kind, String.valueOf(c), column);
    }

    private Token number() throws SizeRuleException {
        int start = position;
        while (position < text.length() && isAsciiDigit(text.charAt(position))) {
            position++;
        }
        String digits = text.substring(start, position);
        if (position + 1 < text.length() && text.charAt(position) == '.' && isAsciiDigit(text.charAt(position + 1))) {
            throw new SizeRuleException("unexpected '.' at column " + (position + 1)
                    + ": sizes are whole numbers of bytes, decimals are not supported", position + 1);
        }
        try {
            Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            throw new SizeRuleException("number " + digits + " at column " + (start + 1)
                    + " is too large (at most " + Long.MAX_VALUE + ")", start + 1);
        }
        return new Token(Token.Kind.NUMBER, digits, start + 1);
    }

    private Token name() {
        int start = position;
        position++;
        while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
            position++;
        }
        return new Token(Token.Kind.NAME, text.substring(start, position), start + 1);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static SizeRuleException unexpectedCharacter(char c, int column) {
        String why = switch (c) {
            case '"', '\'' -> "string and character literals are not supported";
            case '[', ']' -> "array elements cannot be read; use '.length' for an array's length";
            case ',' -> "only methods without arguments can be called";
            default -> "expected a number, a name, an operator (+ - * /), '(', ')' or '.'";
        };
        return new SizeRuleException("unexpected '" + c + "' at column " + column + ": " + why, column);
    }
}

package dev.leaktrace.agent.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of size expressions:
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := '-' unary | primary
 * primary    := NUMBER | '(' expression ')' | path
 * path       := ('this' '.')? link ('.' link)*
 * link       := NAME | NAME '(' ')'
 * </pre>
 */
final class ExpressionParser {
    private static final String OPERAND = "a number, a name or '('";
    /** Deep enough for any real rule; guards the recursion against pathological text. */
    private static final int MAX_NESTING = 64;

    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null");

    private final ExpressionLexer lexer;
    private Token current;
    private int nesting;

    private ExpressionParser(ExpressionLexer lexer) throws SizeRuleException {
        this.lexer = lexer;
        this.current = lexer.next();
    }

    static Expr parse(String text) throws SizeRuleException {
        ExpressionParser parser = new ExpressionParser(new ExpressionLexer(text));
        Expr expression = parser.expression();
        parser.expect(Token.Kind.END, "an operator (+ - * /) or the end");
        return expression;
    }

    private Expr expression() throws SizeRuleException {
        Expr left = term();
        while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
            Token operator = advance();
            Expr right = term();
            left = new Expr.Binary(
                    operator.kind() == Token.Kind.PLUS ? Expr.Operator.ADD : Expr.Operator.SUBTRACT,
                    left, right, operator.column());
        }
        return left;
    }

    private Expr term() throws SizeRuleException {
        Expr left = unary();
        while (peek().kind() == Token.Kind.STAR || peek().kind() == Token.Kind.SLASH) {
            Token operator = advance();
            Expr right = unary();
            left = new Expr.Binary(
                    operator.kind() == Token.Kind.STAR ? Expr.Operator.MULTIPLY : Expr.Operator.DIVIDE,
                    left, right, operator.column());
        }
        return left;
    }

    private Expr unary() throws SizeRuleException {
        if (peek().kind() == Token.Kind.MINUS) {
            Token minus = advance();
            enter(minus);
            Expr operand = unary();
            nesting--;
            return new Expr.Negate(operand, minus.column());
        }
        return primary();
    }

    private Expr primary() throws SizeRuleException {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                advance();
                return new Expr.Literal(Long.parseLong(token.text()), token.column());
            }
            case LEFT_PAREN -> {
                advance();
                enter(token);
                Expr inner = expression();
                nesting--;
                expect(Token.Kind.RIGHT_PAREN, "an operator (+ - * /) or ')' to close '(' at column " + token.column());
                return inner;
            }
            case NAME -> {
                return path();
            }
            default -> throw unexpected(token, OPERAND);
        }
    }

    private Expr.Path path() throws SizeRuleException {
        Token first = peek();
        List<Expr.Link> links = new ArrayList<>();
        if (first.text().equals("this")) {
            advance();
            expect(Token.Kind.DOT, "'.' after 'this'");
        }
        links.add(link());
        while (peek().kind() == Token.Kind.DOT) {
            advance();
            links.add(link());
        }
        return new Expr.Path(links, first.column());
    }

    private Expr.Link link() throws SizeRuleException {
        Token name = expect(Token.Kind.NAME, "a field or method name");
        checkNotKeyword(name);
        if (peek().kind() != Token.Kind.LEFT_PAREN) {
            return new Expr.Link(name.text(), false, name.column());
        }
        advance();
        expect(Token.Kind.RIGHT_PAREN, "')': only methods without arguments can be called");
        return new Expr.Link(name.text(), true, name.column());
    }

    private static void checkNotKeyword(Token name) throws SizeRuleException {
        String word = name.text();
        if (!JAVA_KEYWORDS.contains(word)) {
            return;
        }
        String why = switch (word) {
            case "this" -> "'this' can only start a path, as in 'this.count'";
            case "class" -> "class literals are not supported";
            case "new" -> "objects cannot be created in a size expression";
            case "true", "false", "null" -> "only whole numbers are values in a size expression";
            default -> "a Java keyword is not a field or method name";
        };
        throw new SizeRuleException("unexpected keyword '" + word + "' at column " + name.column() + ": " + why,
                name.column());
    }

    private void enter(Token opening) throws SizeRuleException {
        if (++nesting > MAX_NESTING) {
            throw new SizeRuleException("expression nested too deeply at column " + opening.column()
                    + " (at most " + MAX_NESTING + " levels)", opening.column());
        }
    }

    private Token expect(Token.Kind kind, String expected) throws SizeRuleException {
        Token token = peek();
        if (token.kind() != kind) {
            throw unexpected(token, expected);
        }
        return advance();
    }

    private static SizeRuleException unexpected(Token token, String expected) {
        return new SizeRuleException(
                "unexpected " + token.quoted() + " at column " + token.column() + ": expected " + expected,
                token.column());
    }

    private Token peek() {
        return current;
    }

    private Token advance() throws SizeRuleException {
        Token token = current;
        current = lexer.next();
        return token;
    }
}

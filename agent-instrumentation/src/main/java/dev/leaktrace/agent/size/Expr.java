package dev.leaktrace.agent.size;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a size expression. Its {@code toString} is fully parenthesised, which makes
 * precedence visible (and testable).
 */
sealed interface Expr {

    /** The 1-based column where the expression starts, for binding errors. */
    int column();

    record Literal(long value, int column) implements Expr {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    record Negate(Expr operand, int column) implements Expr {
        @Override
        public String toString() {
            return "(-" + operand + ")";
        }
    }

    record Binary(Operator operator, Expr left, Expr right, int column) implements Expr {
        @Override
        public String toString() {
            return "(" + left + " " + operator.symbol() + " " + right + ")";
        }
    }

    /** A chain of field reads and method calls starting at the measured object: {@code a.b().length}. */
    record Path(List<Link> links, int column) implements Expr {
        public Path {
            links = List.copyOf(links);
        }

        /** The source form of the first {@code count} links, e.g. {@code index.rows} for 2. */
        String prefix(int count) {
            return links.subList(0, count).stream().map(Link::toString).collect(Collectors.joining("."));
        }

        @Override
        public String toString() {
            return prefix(links.size());
        }
    }

    /** One step of a path: a field ({@code name}) or a no-argument method call ({@code name()}). */
    record Link(String name, boolean call, int column) {
        @Override
        public String toString() {
            return call ? name + "()" : name;
        }
    }

    enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }
}

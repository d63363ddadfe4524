package dev.leaktrace.agent.size;

import java.util.List;
import java.util.Objects;

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

        @Override
        public boolean equals(Object other) {
            return other instanceof Literal l && value == l.value && column == l.column;
        }

        @Override
        public int hashCode() {
            return Objects.hash(value, column);
        }
    }

    record Negate(Expr operand, int column) implements Expr {
        @Override
        public String toString() {
            return "(-" + operand + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Negate n && Objects.equals(operand, n.operand) && column == n.column;
        }

        @Override
        public int hashCode() {
            return Objects.hash(operand, column);
        }
    }

    record Binary(Operator operator, Expr left, Expr right, int column) implements Expr {
        @Override
        public String toString() {
            return "(" + left + " " + operator.symbol() + " " + right + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Binary b && operator == b.operator && Objects.equals(left, b.left)
                    && Objects.equals(right, b.right) && column == b.column;
        }

        @Override
        public int hashCode() {
            return Objects.hash(operator, left, right, column);
        }
    }

    /** A chain of field reads and method calls starting at the measured object: {@code a.b().length}. */
    record Path(List<Link> links, int column) implements Expr {
        public Path {
            links = List.copyOf(links);
        }

        /** The source form of the first {@code count} links, e.g. {@code index.rows} for 2. */
        String prefix(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(i == 0 ? "" : ".").append(links.get(i));
            }
            return text.toString();
        }

        @Override
        public String toString() {
            return prefix(links.size());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Path p && links.equals(p.links) && column == p.column;
        }

        @Override
        public int hashCode() {
            return Objects.hash(links, column);
        }
    }

    /** One step of a path: a field ({@code name}) or a no-argument method call ({@code name()}). */
    record Link(String name, boolean call, int column) {
        @Override
        public String toString() {
            return call ? name + "()" : name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Link l && Objects.equals(name, l.name) && call == l.call && column == l.column;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, call, column);
        }
    }

    /** The four operators, in exact {@code long} arithmetic: overflow throws rather than wraps. */
    enum Operator {
        ADD("+") {
            @Override
            long apply(long left, long right) {
                return Math.addExact(left, right);
            }
        },
        SUBTRACT("-") {
            @Override
            long apply(long left, long right) {
                return Math.subtractExact(left, right);
            }
        },
        MULTIPLY("*") {
            @Override
            long apply(long left, long right) {
                return Math.multiplyExact(left, right);
            }
        },
        DIVIDE("/") {
            @Override
            long apply(long left, long right) {
                if (left == Long.MIN_VALUE && right == -1) {
                    throw new ArithmeticException("long overflow"); // the one division that overflows
                }
                return left / right; // throws "/ by zero" itself
            }
        };

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        /** @throws ArithmeticException on overflow or division by zero */
        abstract long apply(long left, long right);
    }
}

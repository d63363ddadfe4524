package dev.leaktrace.agent.size;

/** The four operators, in exact {@code long} arithmetic: overflow throws rather than wraps. */
final class Arithmetic {
    private Arithmetic() {}

    /** @throws ArithmeticException on overflow or division by zero */
    static long apply(Expr.Operator operator, long left, long right) {
        return switch (operator) {
            case ADD -> Math.addExact(left, right);
            case SUBTRACT -> Math.subtractExact(left, right);
            case MULTIPLY -> Math.multiplyExact(left, right);
            case DIVIDE -> divide(left, right);
        };
    }

    private static long divide(long left, long right) {
        if (left == Long.MIN_VALUE && right == -1) {
            throw new ArithmeticException("long overflow"); // the one division that overflows
        }
        return left / right; // throws "/ by zero" itself
    }
}

package dev.leaktrace.agent.size;

/** Evaluates expressions that read nothing from the object, such as {@code 4 * 1024}. */
final class ConstantFolder {
    private ConstantFolder() {}

    static boolean isConstant(Expr expression) {
        if (expression instanceof Expr.Negate negate) {
            return isConstant(negate.operand());
        }
        if (expression instanceof Expr.Binary binary) {
            return isConstant(binary.left()) && isConstant(binary.right());
        }
        return expression instanceof Expr.Literal;
    }

    /** @throws ArithmeticException on overflow or division by zero */
    static long value(Expr expression) {
        if (expression instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (expression instanceof Expr.Negate negate) {
            return Math.negateExact(value(negate.operand()));
        }
        if (expression instanceof Expr.Binary binary) {
            return binary.operator().apply(value(binary.left()), value(binary.right()));
        }
        throw new IllegalArgumentException("not a constant expression: " + expression);
    }
}

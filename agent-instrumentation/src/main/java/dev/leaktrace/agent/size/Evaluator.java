package dev.leaktrace.agent.size;

/**
 * A bound size expression, or part of one: everything resolved, so evaluating it is plain
 * arithmetic and {@link java.lang.invoke.MethodHandle} calls. Immutable, hence thread-safe.
 */
@FunctionalInterface
interface Evaluator {

    /**
     * @throws ArithmeticException on overflow or division by zero
     * @throws SizeEvaluationException when a link is null or a called method throws
     */
    long evaluate(Object root);

    static Evaluator constant(long value) {
        return root -> value;
    }

    static Evaluator negate(Evaluator operand) {
        return root -> Math.negateExact(operand.evaluate(root));
    }

    /** The operator is chosen here, once, rather than switched on for every object. */
    static Evaluator binary(Expr.Operator operator, Evaluator left, Evaluator right) {
        return switch (operator) {
            case ADD -> root -> Math.addExact(left.evaluate(root), right.evaluate(root));
            case SUBTRACT -> root -> Math.subtractExact(left.evaluate(root), right.evaluate(root));
            case MULTIPLY -> root -> Math.multiplyExact(left.evaluate(root), right.evaluate(root));
            case DIVIDE -> root -> Arithmetic.apply(Expr.Operator.DIVIDE, left.evaluate(root), right.evaluate(root));
        };
    }
}

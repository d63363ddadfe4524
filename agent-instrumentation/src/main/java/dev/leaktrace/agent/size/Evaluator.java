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
        return new Constant(value);
    }

    static Evaluator negate(Evaluator operand) {
        return new Negated(operand);
    }

    /** Each operator's constant does its own arithmetic: no switch on the operator per object. */
    static Evaluator binary(Expr.Operator operator, Evaluator left, Evaluator right) {
        return new Binary(operator, left, right);
    }

    final class Constant implements Evaluator {
        private final long value;

        Constant(long value) {
            this.value = value;
        }

        @Override
        public long evaluate(Object root) {
            return value;
        }
    }

    final class Negated implements Evaluator {
        private final Evaluator operand;

        Negated(Evaluator operand) {
            this.operand = operand;
        }

        @Override
        public long evaluate(Object root) {
            return Math.negateExact(operand.evaluate(root));
        }
    }

    final class Binary implements Evaluator {
        private final Expr.Operator operator;
        private final Evaluator left;
        private final Evaluator right;

        Binary(Expr.Operator operator, Evaluator left, Evaluator right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        public long evaluate(Object root) {
            return operator.apply(left.evaluate(root), right.evaluate(root));
        }
    }
}

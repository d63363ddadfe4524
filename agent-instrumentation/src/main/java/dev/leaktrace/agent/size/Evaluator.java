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

    /** The operator is chosen here, once, rather than switched on for every object. */
    static Evaluator binary(Expr.Operator operator, Evaluator left, Evaluator right) {
        return switch (operator) {
            case ADD -> new Sum(left, right);
            case SUBTRACT -> new Difference(left, right);
            case MULTIPLY -> new Product(left, right);
            case DIVIDE -> new Quotient(left, right);
        };
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

    /** Two operands and the operator's exact arithmetic, one subclass per operator. */
    abstract class Binary implements Evaluator {
        private final Evaluator left;
        private final Evaluator right;

        Binary(Evaluator left, Evaluator right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public final long evaluate(Object root) {
            return apply(left.evaluate(root), right.evaluate(root));
        }

        abstract long apply(long l, long r);
    }

    final class Sum extends Binary {
        Sum(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        long apply(long l, long r) {
            return Math.addExact(l, r);
        }
    }

    final class Difference extends Binary {
        Difference(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        long apply(long l, long r) {
            return Math.subtractExact(l, r);
        }
    }

    final class Product extends Binary {
        Product(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        long apply(long l, long r) {
            return Math.multiplyExact(l, r);
        }
    }

    final class Quotient extends Binary {
        Quotient(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        long apply(long l, long r) {
            return Arithmetic.apply(Expr.Operator.DIVIDE, l, r);
        }
    }
}

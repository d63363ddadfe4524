package dev.leaktrace.agent.size;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;
import java.util.Objects;

/**
 * {@code size: data.size() * 16 + 64}: arithmetic over the measured object's fields, no-argument
 * methods and array lengths. Parsed once; {@link #bind} resolves every name to a method handle once
 * per class, so measuring an object involves no reflection.
 */
public final class ExpressionSize implements SizeRule {
    private final String text;
    private final Expr expression;

    ExpressionSize(String text, Expr expression) {
        this.text = Objects.requireNonNull(text);
        this.expression = Objects.requireNonNull(expression);
    }

    @Override
    public SizeEstimator bind(Class<?> type, Instrumentation instrumentation) throws SizeRuleException {
        Evaluator evaluator;
        try {
            evaluator = new ExpressionBinder(type, instrumentation, text).bind(expression);
        } catch (LinkageError missingType) {
            // Reflection on a class whose members mention a class missing from the classpath.
            throw new SizeRuleException("size expression '" + text + "' cannot inspect the members of "
                    + type.getName() + ": " + missingType, missingType);
        }
        return new ExpressionEstimator(evaluator, "size expression '" + text + "' on " + type.getName());
    }

    @Override
    public String describe() {
        return text;
    }

    /** The parse tree, fully parenthesised, e.g. {@code ((a * 8) + 64)}: shows how precedence was read. */
    String structure() {
        return expression.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Reports arithmetic failures with the expression and class they happened in. */
    private static final class ExpressionEstimator implements SizeEstimator {
        private final Evaluator evaluator;
        private final String context;

        ExpressionEstimator(Evaluator evaluator, String context) {
            this.evaluator = evaluator;
            this.context = context;
        }

        @Override
        public long estimate(Object object) {
            try {
                return evaluator.evaluate(object);
            } catch (ArithmeticException e) {
                throw new SizeEvaluationException(context + ": " + e.getMessage(), e);
            }
        }
    }
}

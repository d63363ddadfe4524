package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionSizeTest {
    private final Instrumentation instrumentation = TestInstrumentation.get();

    interface Shape {
        int corners();
    }

    static class Base {
        private long capacity = 1000;
    }

    static class Index {
        private int[][] rows = new int[5][];
    }

    static class Srs extends Base implements Shape {
        private static int instances = 3;
        private int[] points = new int[12];
        private int degree = 4;
        private short small = 7;
        private char letter = 'A';
        private byte tiny = -2;
        private boolean ready = true;
        private double weight = 1.5;
        private Index index = new Index();
        private Index missing;
        private List<String> data = new ArrayList<>(List.of("a", "b", "c"));
        private Shape shape = this;
        private Integer boxed = 9;

        private int count() {
            return 11;
        }

        static int total() {
            return 0;
        }

        int scaled(int factor) {
            return factor;
        }

        void reset() {}

        int explode() {
            throw new IllegalStateException("boom");
        }

        @Override
        public int corners() {
            return 3;
        }
    }

    private long eval(String text) throws SizeRuleException {
        return bind(text).estimate(new Srs());
    }

    private SizeEstimator bind(String text) throws SizeRuleException {
        return SizeRule.parse(text).bind(Srs.class, instrumentation);
    }

    private static SizeRuleException bindError(ThrowingBind bind) {
        try {
            bind.run();
        } catch (SizeRuleException e) {
            return e;
        }
        throw new AssertionError("expected a SizeRuleException");
    }

    private interface ThrowingBind {
        void run() throws SizeRuleException;
    }

    @Test
    void readsPrivateFieldsOfTheClassAndItsSuperclass() throws Exception {
        assertThat(eval("degree")).isEqualTo(4);
        assertThat(eval("capacity")).isEqualTo(1000);
        assertThat(eval("this.capacity + this.degree")).isEqualTo(1004);
    }

    @Test
    void allWholeNumberTypesAreNumbers() throws Exception {
        assertThat(eval("small")).isEqualTo(7);
        assertThat(eval("letter")).isEqualTo('A');
        assertThat(eval("tiny")).isEqualTo(-2);
    }

    @Test
    void readsArrayLengthsAndChains() throws Exception {
        assertThat(eval("points.length")).isEqualTo(12);
        assertThat(eval("this.points.length")).isEqualTo(12);
        assertThat(eval("index.rows.length * 8 + 64")).isEqualTo(104);
    }

    @Test
    void callsNoArgumentMethodsOfAnyVisibility() throws Exception {
        assertThat(eval("count()")).isEqualTo(11);
        assertThat(eval("boxed.intValue()")).isEqualTo(9);
    }

    @Test
    void callsMethodsOnTheDeclaredInterfaceType() throws Exception {
        assertThat(eval("data.size() * 16")).isEqualTo(48);
        assertThat(eval("shape.corners()")).isEqualTo(3);
        assertThat(eval("data.hashCode() - data.hashCode()")).isZero(); // Object's methods on an interface type
    }

    @Test
    void followsTheObjectState() throws Exception {
        SizeEstimator estimator = bind("data.size()");
        Srs srs = new Srs();
        srs.data.add("d");
        assertThat(estimator.estimate(srs)).isEqualTo(4);
    }

    @Test
    void appliesPrecedenceParenthesesUnaryMinusAndDivision() throws Exception {
        assertThat(eval("degree + points.length * 2")).isEqualTo(28);
        assertThat(eval("(degree + points.length) * 2")).isEqualTo(32);
        assertThat(eval("-degree + 10")).isEqualTo(6);
        assertThat(eval("points.length / degree")).isEqualTo(3);
        assertThat(eval("points.length / 5")).isEqualTo(2);
        assertThat(eval("degree - points.length")).isEqualTo(-8);
        assertThat(((ExpressionSize) SizeRule.parse("a - b * -c / d")).structure())
                .isEqualTo("(a - ((b * (-c)) / d))");
    }

    @Test
    void divisionByZeroAndOverflowThrowAtEvaluation() throws Exception {
        assertThatThrownBy(() -> eval("degree / (degree - 4)"))
                .isInstanceOf(SizeEvaluationException.class)
                .hasMessageContaining("size expression 'degree / (degree - 4)' on " + Srs.class.getName())
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eval("capacity * 9223372036854775807"))
                .isInstanceOf(SizeEvaluationException.class)
                .hasMessageContaining("overflow");
    }

    @Test
    void nullLinkThrowsNamingThePath() throws Exception {
        assertThatThrownBy(() -> eval("missing.rows.length"))
                .isInstanceOf(SizeEvaluationException.class)
                .hasMessage("size expression 'missing.rows.length' hit null at 'missing' on " + Srs.class.getName());
        Srs srs = new Srs();
        srs.index.rows = null;
        assertThatThrownBy(() -> bind("8 + index.rows.length").estimate(srs))
                .isInstanceOf(SizeEvaluationException.class)
                .hasMessageContaining("hit null at 'index.rows'");
    }

    @Test
    void exceptionOfACalledMethodIsWrapped() throws Exception {
        assertThatThrownBy(() -> eval("explode()"))
                .isInstanceOf(SizeEvaluationException.class)
                .hasMessageContaining("failed at 'explode()'")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownFieldIsReportedWithTheFieldsAndASuggestion() {
        SizeRuleException e = bindError(() -> bind("pionts.length"));
        assertThat(e.getMessage())
                .startsWith("class " + Srs.class.getName() + " has no field 'pionts' (fields: points, degree,")
                .contains("; did you mean 'points'?")
                .contains("column 1");
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void unknownNameFarFromAnyMemberHasNoSuggestion() {
        assertThat(bindError(() -> bind("zzzzzzzz")).getMessage()).doesNotContain("did you mean");
    }

    @Test
    void unknownMemberDeeperInAChainNamesTheDeclaredTypeAndColumn() {
        SizeRuleException e = bindError(() -> bind("index.rowz.length"));
        assertThat(e.getMessage()).startsWith("class " + Index.class.getName()
                + " has no field 'rowz' (fields: rows); did you mean 'rows'?");
        assertThat(e.column()).isEqualTo(7);
    }

    @Test
    void fieldSyntaxForAMethodSuggestsTheMethodAndViceVersa() {
        assertThat(bindError(() -> bind("data.size")).getMessage())
                .startsWith("interface java.util.List has no field 'size'")
                .contains("did you mean the method 'size()'?");
        assertThat(bindError(() -> bind("degree()")).getMessage())
                .contains("has no method 'degree()'")
                .contains("did you mean the field 'degree'?");
        assertThat(bindError(() -> bind("data.sise()")).getMessage()).contains("did you mean 'size()'?");
    }

    @Test
    void classNamesAreRejectedWithAHint() {
        assertThat(bindError(() -> bind("Integer.MAX_VALUE")).getMessage())
                .startsWith("class " + Srs.class.getName() + " has no field 'Integer'")
                .contains("class names cannot be used");
        assertThat(bindError(() -> bind("java.util.List.size()")).getMessage()).contains("class names cannot be used");
    }

    @Test
    void staticFieldIsRejected() {
        assertThat(bindError(() -> bind("instances")).getMessage())
                .startsWith("field 'instances' of class " + Srs.class.getName() + " is static");
    }

    @Test
    void staticMethodIsRejected() {
        assertThat(bindError(() -> bind("total()")).getMessage())
                .startsWith("method 'total()' of class " + Srs.class.getName() + " is static");
    }

    @Test
    void methodWithArgumentsIsRejected() {
        assertThat(bindError(() -> bind("scaled()")).getMessage())
                .startsWith("method 'scaled' of class " + Srs.class.getName()
                        + " takes 1 argument: only methods without arguments can be called");
        assertThat(bindError(() -> bind("data.get()")).getMessage())
                .startsWith("method 'get' of interface java.util.List takes 1 argument");
    }

    @Test
    void voidMethodIsRejected() {
        assertThat(bindError(() -> bind("reset()")).getMessage()).contains("returns nothing");
    }

    @Test
    void booleanAndFloatingPointValuesAreRejected() {
        assertThat(bindError(() -> bind("ready * 8")).getMessage())
                .startsWith("field 'ready' of class " + Srs.class.getName()
                        + " is a boolean: a size needs a whole number (byte, short, char, int or long)");
        assertThat(bindError(() -> bind("weight")).getMessage()).contains("is a double");
        assertThat(bindError(() -> bind("data.isEmpty()")).getMessage()).contains("is a boolean");
    }

    @Test
    void aReferenceMustBeFollowedAndANumberMustEndThePath() {
        assertThat(bindError(() -> bind("index")).getMessage())
                .startsWith("'index' is a " + Index.class.getName() + ", not a number");
        assertThat(bindError(() -> bind("points")).getMessage()).contains("is a int[], not a number: follow it with '.length'");
        SizeRuleException e = bindError(() -> bind("degree.length"));
        assertThat(e.getMessage()).startsWith("'degree' is a number (int) and cannot be followed by '.length'");
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void arraysOnlyHaveLength() {
        assertThat(bindError(() -> bind("points.size")).getMessage())
                .startsWith("an array (int[]) has no field 'size': only '.length' can be read");
        assertThat(bindError(() -> bind("points.length()")).getMessage())
                .contains("write '.length', without parentheses");
    }

    @Test
    void bindingErrorsNameTheExpressionAndTheBoundClass() {
        assertThat(bindError(() -> bind("degree + nope")).getMessage())
                .endsWith("(size expression 'degree + nope' bound to " + Srs.class.getName() + ", column 10)");
    }

    @Test
    void describeIsTheTextAsWritten() throws Exception {
        assertThat(SizeRule.parse("  data.size() * 16 ").describe()).isEqualTo("data.size() * 16");
    }
}

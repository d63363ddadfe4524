package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.agent.size.estimators.FixedEstimator;
import dev.leaktrace.api.SizeEstimator;
import org.junit.jupiter.api.Test;

class CustomSizeTest {
    private static final String PACKAGE = "dev.leaktrace.agent.size.estimators.";

    static class Traced {}

    private static SizeEstimator bind(String className, Class<?> traced) throws SizeRuleException {
        return SizeRule.parse("class:" + className).bind(traced, null);
    }

    @Test
    void loadsAndInstantiatesTheEstimatorThroughTheTracedClassLoader() throws Exception {
        SizeEstimator estimator = bind(PACKAGE + "FixedEstimator", Traced.class);
        assertThat(estimator).isInstanceOf(FixedEstimator.class);
        assertThat(estimator.estimate(new Traced())).isEqualTo(42);
    }

    @Test
    void fallsBackToTheContextClassLoaderWhenTheTracedClassIsABootstrapClass() throws Exception {
        // String's loader is the bootstrap loader, which cannot see test classes.
        SizeEstimator estimator = bind(PACKAGE + "FixedEstimator", String.class);
        assertThat(estimator.estimate("abc")).isEqualTo(45);
    }

    @Test
    void eachBindMakesItsOwnInstance() throws Exception {
        assertThat(bind(PACKAGE + "FixedEstimator", Traced.class))
                .isNotSameAs(bind(PACKAGE + "FixedEstimator", Traced.class));
    }

    @Test
    void missingClassIsReported() {
        assertThatThrownBy(() -> bind(PACKAGE + "Missing", Traced.class))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageStartingWith("size estimator class " + PACKAGE + "Missing of " + Traced.class.getName()
                        + " not found by its class loader");
    }

    @Test
    void classNotImplementingSizeEstimatorIsReported() {
        assertThatThrownBy(() -> bind(PACKAGE + "NotAnEstimator", Traced.class))
                .isInstanceOf(SizeRuleException.class)
                .hasMessage("size estimator class " + PACKAGE + "NotAnEstimator does not implement "
                        + "dev.leaktrace.api.SizeEstimator");
    }

    @Test
    void classWithoutPublicNoArgConstructorIsReported() {
        assertThatThrownBy(() -> bind(PACKAGE + "NoDefaultConstructorEstimator", Traced.class))
                .isInstanceOf(SizeRuleException.class)
                .hasMessage("size estimator class " + PACKAGE
                        + "NoDefaultConstructorEstimator needs a public no-argument constructor");
    }

    @Test
    void throwingConstructorIsReportedWithItsCause() {
        assertThatThrownBy(() -> bind(PACKAGE + "ThrowingEstimator", Traced.class))
                .isInstanceOf(SizeRuleException.class)
                .hasMessage("the constructor of size estimator class " + PACKAGE + "ThrowingEstimator threw "
                        + "java.lang.IllegalStateException: no config for the estimator")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void abstractClassIsReported() {
        assertThatThrownBy(() -> bind(PACKAGE + "AbstractEstimator", Traced.class))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("is abstract");
    }
}

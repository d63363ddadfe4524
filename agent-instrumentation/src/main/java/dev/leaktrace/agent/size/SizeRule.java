package dev.leaktrace.agent.size;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;

/**
 * A parsed {@code size:} rule of a config entry. Immutable: parse once per config entry, then
 * {@linkplain #bind bind} once per traced class; the bound {@link SizeEstimator} is what runs per
 * object, so all lookups and checks happen in {@code parse} and {@code bind}.
 */
public sealed interface SizeRule permits ConstantSize, ShallowSize, DeepSize, CustomSize, ExpressionSize {

    /**
     * Parses the text of a config {@code size:} value: a byte count, {@code shallow}, {@code deep},
     * {@code class:<binary name>} or a size expression.
     *
     * @throws SizeRuleException with {@link SizeRuleException#column()} the 1-based column of the
     *     problem in {@code text}, or 0 when not applicable
     */
    static SizeRule parse(String text) throws SizeRuleException {
        return SizeRuleParser.parse(text);
    }

    /** The default rule: the JVM's size of the object itself. */
    static SizeRule shallow() {
        return ShallowSize.INSTANCE;
    }

    /**
     * Binds the rule to one concrete class: resolves fields, methods and classes it names.
     *
     * @param instrumentation used to measure objects and to open JDK packages to the agent; rules
     *     that need neither accept {@code null}
     * @throws SizeRuleException naming the class and the member that is missing or unusable
     */
    SizeEstimator bind(Class<?> type, Instrumentation instrumentation) throws SizeRuleException;

    /** The rule's text form, for messages. */
    String describe();
}

package dev.leaktrace.agent.size;

import java.lang.invoke.MethodHandle;

/**
 * Evaluates a chain such as {@code index.rows.length}: each reference link is a handle of type
 * {@code (Object)Object}, the last, numeric one a handle of type {@code (Object)long}. Messages are
 * built at bind time, so a call allocates nothing unless it fails.
 */
final class PathEvaluator implements Evaluator {
    private final MethodHandle[] references;
    private final MethodHandle number;
    /** For reference link i: "size expression '...' hit null at 'index' on com.example.Foo". */
    private final String[] nullMessages;
    /** For link i (the last one is the numeric link): "size expression '...' failed at '...' on ...". */
    private final String[] failureMessages;

    /**
     * @param prefixes for each link, the path's source text up to and including it
     * @param expressionText the whole size expression, as written
     * @param typeName the bound class
     */
    PathEvaluator(MethodHandle[] references, MethodHandle number, String[] prefixes, String expressionText,
            String typeName) {
        this.references = references.clone();
        this.number = number;
        this.nullMessages = new String[references.length];
        this.failureMessages = new String[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            String expression = "size expression '" + expressionText + "' ";
            String where = " at '" + prefixes[i] + "' on " + typeName;
            failureMessages[i] = expression + "failed" + where;
            if (i < references.length) {
                nullMessages[i] = expression + "hit null" + where;
            }
        }
    }

    @Override
    public long evaluate(Object root) {
        Object current = root;
        int link = 0;
        try {
            for (; link < references.length; link++) {
                current = (Object) references[link].invokeExact(current);
                if (current == null) {
                    throw new SizeEvaluationException(nullMessages[link]);
                }
            }
            return (long) number.invokeExact(current);
        } catch (SizeEvaluationException | VirtualMachineError passThrough) {
            throw passThrough;
        } catch (Throwable failure) {
            throw new SizeEvaluationException(failureMessages[link] + ": " + failure, failure);
        }
    }
}

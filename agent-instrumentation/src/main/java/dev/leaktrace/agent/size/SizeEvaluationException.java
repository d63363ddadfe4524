package dev.leaktrace.agent.size;

/**
 * A bound size rule failed on one particular object (a null link, an arithmetic overflow, a method
 * that threw). Unchecked because {@link dev.leaktrace.api.SizeEstimator#estimate} cannot declare
 * checked exceptions; the agent catches it and falls back to the shallow size.
 */
public final class SizeEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SizeEvaluationException(String message) {
        super(message);
    }

    public SizeEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.leaktrace.analyser.result;

/** Thrown under {@code --strict} at the first input problem; the message names file and line. */
public final class StrictModeException extends RuntimeException {
    public StrictModeException(String message) {
        super(message);
    }
}

package dev.leaktrace.analyser.read;

/** A log could not be read at all; the message is meant for the user as it stands. */
public final class LogReadException extends Exception {
    public LogReadException(String message) {
        super(message);
    }
}

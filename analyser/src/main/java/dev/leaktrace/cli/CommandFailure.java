package dev.leaktrace.cli;

/** A command cannot do what was asked; the message says why and what to do. Exit code 2. */
final class CommandFailure extends Exception {
    CommandFailure(String message) {
        super(message);
    }
}

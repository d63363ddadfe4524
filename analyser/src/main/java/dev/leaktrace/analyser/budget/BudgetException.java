package dev.leaktrace.analyser.budget;

/** A budget file that cannot be used; the message names the file and line. */
public final class BudgetException extends Exception {
    public BudgetException(String message) {
        super(message);
    }
}

package dev.leaktrace.cli;

/** The exit codes of every command; scripts and CI depend on them (docs/analyser.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** A gate failed: --fail-on-leak, a budget breach, --fail-on-regression. */
    public static final int GATE_FAILED = 1;
    /** Wrong usage, unreadable input, bad input under --strict. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}

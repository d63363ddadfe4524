package dev.leaktrace.bootstrap;

/** Where the JVM started, asked once by the writer thread for the @TIME lines. */
public interface JvmClock {
    /** The JVM's start on {@link System#nanoTime}'s scale. */
    long startNanos();
}

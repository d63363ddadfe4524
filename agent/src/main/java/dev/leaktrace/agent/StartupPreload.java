package dev.leaktrace.agent;

import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.instrument.RewritingPreload;

/**
 * Start-up is mostly class loading, and premain runs on one thread: this one loads, on a second
 * core, what premain needs next (the YAML parser, ASM and the rewriting code, the header's time
 * formatter) while premain defines the bootstrap classes and reads the config; it is awaited
 * before the transformer is registered.
 *
 * <p>Nothing here may touch the bootstrap package: it runs before those classes are defined, and
 * touching one would load a useless second copy from the agent's own loader.
 */
final class StartupPreload {
    private static final long WAIT_MILLIS = 10_000;
    private static volatile Thread running;

    private StartupPreload() {
    }

    static void startInBackground() {
        Thread thread = new Thread(StartupPreload::run, "leaktrace-preload");
        thread.setDaemon(true);
        running = thread;
        thread.start();
    }

    /** Waits for the preload, if one was started (in-process installs have none). */
    static void await() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        try {
            thread.join(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        try {
            ConfigLoader.preload();
            RewritingPreload.loadClasses();
            // The log's header: its time formatter and the process id (whose class starts a
            // thread pool's classes) are many classes too.
            java.time.Instant.now().toString();
            ProcessHandle.current().pid();
        } catch (Throwable ignored) {
            // Best effort: whatever was not loaded here is loaded on first use, as it would be anyway.
        }
    }
}

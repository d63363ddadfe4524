package dev.leaktrace.agent;

import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.instrument.RewritingPreload;

/**
 * Start-up is mostly class loading, and premain runs on one thread: this one loads, on a second
 * core, what premain needs next (the YAML parser, ASM and the rewriting code) while premain
 * defines the bootstrap classes and reads the config; it is awaited before the transformer is
 * registered.
 *
 * <p>Nothing here may touch the bootstrap package: it runs before those classes are defined, and
 * touching one would load a useless second copy from the agent's own loader.
 */
final class StartupPreload implements Runnable {
    private static final long WAIT_MILLIS = 10_000;
    private static volatile Thread running;

    private StartupPreload() {
    }

    static void startInBackground() {
        Thread thread = new Thread(new StartupPreload(), "leaktrace-preload");
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

    @Override
    public void run() {
        try {
            // ASM first: premain reads the config (the YAML parser) meanwhile, and needs ASM after.
            RewritingPreload.loadClasses();
            ConfigLoader.preload();
            ProcessId.current();
        } catch (Throwable ignored) {
            // Best effort: whatever was not loaded here is loaded on first use, as it would be anyway.
        }
    }
}

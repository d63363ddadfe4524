package dev.leaktrace.agent;

import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.instrument.RewritingPreload;

/**
 * Start-up is mostly class loading, and premain runs on one thread: two threads load what premain
 * needs next (the YAML parser, ASM and the rewriting code) while premain defines the bootstrap
 * classes and reads the config; they are awaited before the transformer is registered.
 *
 * <p>Nothing here may touch the bootstrap package: it runs before those classes are defined, and
 * touching one would load a useless second copy from the agent's own loader.
 */
final class StartupPreload implements Runnable {
    private static final long WAIT_MILLIS = 10_000;
    private static volatile Thread[] running;

    /** The YAML parser (false) or ASM and the rewriting code (true). */
    private final boolean rewriting;

    private StartupPreload(boolean rewriting) {
        this.rewriting = rewriting;
    }

    /**
     * Two threads, one per library: premain's own thread waits for them part of the time (class
     * initialisation locks, then the await before the transformer), so a third runnable thread
     * still finds a core idle on a two-core machine.
     */
    static void startInBackground() {
        Thread yaml = new Thread(new StartupPreload(false), "leaktrace-preload-config");
        Thread asm = new Thread(new StartupPreload(true), "leaktrace-preload-rewriting");
        yaml.setDaemon(true);
        asm.setDaemon(true);
        running = new Thread[] {yaml, asm};
        yaml.start();
        asm.start();
    }

    /** Waits for the preload, if one was started (in-process installs have none). */
    static void await() {
        Thread[] threads = running;
        if (threads == null) {
            return;
        }
        try {
            for (Thread thread : threads) {
                thread.join(WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            if (rewriting) {
                RewritingPreload.loadClasses();
            } else {
                ConfigLoader.preload();
                ProcessId.current();
            }
        } catch (Throwable ignored) {
            // Best effort: whatever was not loaded here is loaded on first use, as it would be anyway.
        }
    }
}

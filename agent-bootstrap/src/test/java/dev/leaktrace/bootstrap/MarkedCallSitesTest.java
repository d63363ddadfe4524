package dev.leaktrace.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which marked call an object made in library code is charged to ({@link Sites#markFor}). */
class MarkedCallSitesTest {
    private static final TypeInfo NETTY_BUFFER = new TypeInfo("io.netty.buffer.ByteBuf", o -> 24, o -> 24, "24",
            false, 0, name -> name.startsWith("io.netty."), false);
    private static final TypeInfo STREAM = new TypeInfo("java.io.FileInputStream", o -> 24, o -> 24, "24",
            false, 0);

    private static final int APP_INTO_NETTY = Sites.register("app/Main.java:10", "app.Main", false,
            "io.netty.buffer.ByteBufAllocator", false);
    private static final int APP_INTO_JDK = Sites.register("app/Main.java:11", "app.Main", false,
            "java.nio.channels.FileChannel", true);
    private static final int NETTY_INTO_JDK = Sites.register("io/netty/util/Pool.java:40", "io.netty.util.Pool", false,
            "java.nio.ByteBuffer", true);

    @Test
    void aCallIntoAnEntrysOwnLibraryCountsForThatEntryOnly() {
        ThreadState thread = new ThreadState();
        thread.enterLibrary(APP_INTO_NETTY);
        assertThat(Sites.markFor(thread, NETTY_BUFFER)).isEqualTo(APP_INTO_NETTY);
        // Netty is the application's code for a stream: its own line is the site, found by a walk.
        assertThat(Sites.markFor(thread, STREAM)).isEqualTo(ThreadState.NO_SITE);
    }

    @Test
    void aCallIntoTheJdkCountsForEveryEntry() {
        ThreadState thread = new ThreadState();
        thread.enterLibrary(APP_INTO_JDK);
        assertThat(Sites.markFor(thread, NETTY_BUFFER)).isEqualTo(APP_INTO_JDK);
        assertThat(Sites.markFor(thread, STREAM)).isEqualTo(APP_INTO_JDK);
    }

    @Test
    void aMarkPlacedByLibraryCodeIsPassedOverForItsEntry() {
        ThreadState thread = new ThreadState();
        thread.enterLibrary(APP_INTO_NETTY);
        thread.enterLibrary(NETTY_INTO_JDK);
        assertThat(Sites.markFor(thread, NETTY_BUFFER)).isEqualTo(APP_INTO_NETTY);
        assertThat(Sites.markFor(thread, STREAM)).isEqualTo(NETTY_INTO_JDK);
        thread.leaveLibrary();
        thread.leaveLibrary();
        assertThat(Sites.markFor(thread, NETTY_BUFFER)).isEqualTo(ThreadState.NO_SITE);
    }
}

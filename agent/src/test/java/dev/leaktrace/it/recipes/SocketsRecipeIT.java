package dev.leaktrace.it.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.util.List;

/**
 * The sockets recipe on loopback (fixtures.recipes.SocketLeaks): sockets, server sockets and both
 * kinds of channel are dropped by close, a refused connection prints nothing, and exactly the
 * leaked client socket is left, at its line of the fixture.
 */
class SocketsRecipeIT {
    @OnEachJdk
    void exactlyTheSocketNeverClosedIsLeft(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).agentWithConfig("recipe:sockets").main("fixtures.recipes.SocketLeaks");
        RunResult r = run.run();

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("SOCKET 7", "REFUSED", "CHANNEL 9", "DONE");
        assertThat(r.stderr()).as("no warning").doesNotContain("leaktrace:");
        List<String> sites = r.sitesPrinted();
        String serverSite = sites.get(0);
        String clientSite = sites.get(1);
        String leakedSite = sites.get(2);
        String holderSite = sites.get(3);

        Traced servers = Traced.of(r, "java.net.ServerSocket");
        assertThat(servers.allocated()).extracting(Event::site).containsExactly(serverSite);
        assertThat(servers.dropped()).hasSize(1);

        Traced sockets = Traced.of(r, "java.net.Socket");
        assertThat(sockets.allocated()).extracting(Event::site).as("none for the refused connection")
                .hasSize(5).contains(clientSite, leakedSite, holderSite);
        // accept() calls new: the line that called accept() is the site, the JDK's a @LIBRARY line.
        assertThat(sockets.allocated()).extracting(e -> r.librarySites().get(e.id()))
                .filteredOn(s -> s != null && s.startsWith("java/net/ServerSocket.java:")).as("made by accept()")
                .hasSize(2);
        assertThat(sockets.allocated()).extracting(Event::site).allMatch(s -> s.startsWith("fixtures/recipes/"));
        assertThat(sockets.leaked()).extracting(Event::site).as(r.toString()).containsExactly(leakedSite);
        assertThat(sockets.dropped()).hasSize(4);

        Traced channels = Traced.of(r, "sun.nio.ch.SocketChannelImpl");
        assertThat(channels.allocated()).as("opened and accepted").hasSize(2);
        assertThat(channels.dropped()).as(r.toString()).hasSize(2);
        Traced serverChannels = Traced.of(r, "sun.nio.ch.ServerSocketChannelImpl");
        assertThat(serverChannels.allocated()).hasSize(1);
        assertThat(serverChannels.dropped()).hasSize(1);

        assertThat(r.events().stream().map(Event::kind)).as("nothing was collected unclosed").doesNotContain("GC");
    }
}

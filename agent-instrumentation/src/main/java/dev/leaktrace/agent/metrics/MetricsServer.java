package dev.leaktrace.agent.metrics;

import dev.leaktrace.agent.config.MetricsAddress;
import dev.leaktrace.bootstrap.AgentThreads;
import dev.leaktrace.bootstrap.RecorderQueries;
import dev.leaktrace.bootstrap.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code GET /metrics} on the agent's own thread ({@code leaktrace-metrics}, untraced), one
 * request at a time: a scrape reads the counts without a lock the application takes, so it never
 * makes the application wait. On {@link ServerSocket}, not {@code com.sun.net.httpserver}: that is
 * defined by the platform class loader, which the agent's classes on the boot class path cannot see.
 */
public final class MetricsServer implements Runnable {
    /** A client that sends nothing in this time is dropped, so it cannot hold up the next scrape. */
    private static final int READ_TIMEOUT_MS = 2000;
    private static final int MAX_REQUEST_HEAD = 8192;

    private final ServerSocket socket;

    private MetricsServer(ServerSocket socket) {
        this.socket = socket;
    }

    /**
     * Binds the address and starts serving; the exception names what failed (a port in use, an
     * address this host does not have).
     */
    public static MetricsServer start(MetricsAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address.host(), address.port()), 16);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        MetricsServer server = new MetricsServer(socket);
        AgentThreads.newThread(server, "leaktrace-metrics").start();
        return server;
    }

    /** The port bound (the configured one). */
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void run() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(READ_TIMEOUT_MS);
                serve(client);
            } catch (IOException e) {
                // one client's trouble; the next is served
            } catch (Throwable failure) {
                Warnings.warn("metrics: a scrape failed (" + failure + "); serving goes on.");
            }
        }
    }

    private static void serve(Socket client) throws IOException {
        String requestLine = readHead(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (requestLine == null) {
            return;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 2 || !(parts[0].equals("GET") || parts[0].equals("HEAD"))) {
            respond(out, "405 Method Not Allowed", "text/plain; charset=utf-8", "read-only: GET /metrics\n", true);
            return;
        }
        String path = parts[1];
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!path.equals("/metrics")) {
            respond(out, "404 Not Found", "text/plain; charset=utf-8", "leaktrace serves GET /metrics\n", true);
            return;
        }
        respond(out, "200 OK", MetricsText.CONTENT_TYPE, MetricsText.render(RecorderQueries.siteTotals()),
                parts[0].equals("GET"));
    }

    /** The request line, after reading the head up to its blank line; null when the client sent none. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (head.length() < MAX_REQUEST_HEAD && (b = in.read()) >= 0) {
            head.append((char) b);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 3) == '\n') {
                break;
            }
            if (n >= 2 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\n') {
                break;
            }
        }
        int end = head.indexOf("\n");
        if (end <= 0) {
            return null;
        }
        return head.substring(0, end).trim();
    }

    private static void respond(OutputStream out, String status, String type, String body, boolean withBody)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (withBody) {
            out.write(bytes);
        }
        out.flush();
    }
}

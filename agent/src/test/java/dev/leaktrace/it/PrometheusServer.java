package dev.leaktrace.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) scraping one target on
 * 127.0.0.1 every second, asked through its HTTP API. Lives in a test's folder; {@link #close}
 * stops it.
 */
final class PrometheusServer implements AutoCloseable {
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static boolean installed() {
        return Tools.onPath("prometheus");
    }

    /** Starts Prometheus on a free loopback port, scraping {@code 127.0.0.1:targetPort/metrics}. */
    static PrometheusServer scraping(Path dir, int targetPort) throws IOException {
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                + "  - job_name: leaktrace\n    static_configs:\n      - targets: ['127.0.0.1:" + targetPort + "']\n");
        Path log = dir.resolve("prometheus.txt");
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PrometheusServer(process, port, log);
    }

    /**
     * Polls an instant query until its first series has {@code expected} as value; returns the last
     * value seen (null when none) once that holds or after {@code timeout}.
     */
    String awaitValue(String query, String expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = VALUE.matcher(body);
                if (m.find()) {
                    last = m.group(1);
                    if (last.equals(expected)) {
                        return last;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return last;
    }

    /** The {@code status} Prometheus answers an instant query with: "success", or "error" for bad PromQL. */
    String status(String query) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"status\":\"(\\w+)\"").matcher(body);
        return m.find() ? m.group(1) + (m.group(1).equals("success") ? "" : ": " + body) : body;
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

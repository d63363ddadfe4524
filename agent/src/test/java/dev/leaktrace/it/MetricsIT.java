package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics:} under {@code log: survivors}: a real Prometheus server scrapes the live JVM on
 * 127.0.0.1 and reports the kept objects of their site; bad addresses and a port in use are config
 * errors naming the key.
 */
class MetricsIT {
    private static final String TYPES = "types:\n  - class: fixtures.survivors.Job\n";

    @Test
    void prometheusScrapesTheLiveObjectsOfTheKeptSite() throws Exception {
        assumeTrue(PrometheusServer.installed(), "prometheus is not installed (.ci/run installs Debian's package)");
        int port = PrometheusServer.freePort();
        JvmRun run = JvmRun.on(Jdk.current()).main("fixtures.survivors.ShortAndKept")
                .agent("log: survivors\nmetrics: 127.0.0.1:" + port + "\n" + TYPES);
        Path go = run.dir().resolve("go");
        RunningJvm jvm = run.start("200000", "1000", "0", go.toString());
        try (PrometheusServer prometheus = PrometheusServer.scraping(run.dir(), port)) {
            jvm.awaitLine("READY");
            String keptSite = jvm.awaitLine("KEPT ").substring("KEPT ".length());
            String shortSite = jvm.awaitLine("SHORT ").substring("SHORT ".length());

            HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(direct.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(direct.body()).contains("leaktrace_live_objects{type=\"fixtures.survivors.Job\",site=\""
                    + keptSite + "\"} 1000\n");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("read-only").isEqualTo(405);

            String kept = prometheus.awaitValue("leaktrace_live_objects{site=\"" + keptSite + "\"}", "1000",
                    Duration.ofSeconds(60));
            assertThat(kept).as(prometheus.output()).isEqualTo("1000");
            assertThat(prometheus.awaitValue("leaktrace_allocations_total{site=\"" + shortSite + "\"}", "200000",
                    Duration.ofSeconds(10))).isEqualTo("200000");
            assertThat(prometheus.awaitValue("leaktrace_live_objects{site=\"" + shortSite + "\"}", "0",
                    Duration.ofSeconds(10))).isEqualTo("0");
            dashboardQueriesRun(prometheus);
        } finally {
            Files.writeString(go, "");
        }
        RunResult r = jvm.finish(Duration.ofSeconds(60));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stderr()).doesNotContain("leaktrace:");
    }

    /** Every query of the shipped Grafana dashboard is valid PromQL that this Prometheus answers. */
    private static void dashboardQueriesRun(PrometheusServer prometheus) throws Exception {
        JsonObject dashboard = JsonParser.parseString(Files.readString(Built.MONITORING.resolve("leaktrace-dashboard.json")))
                .getAsJsonObject();
        List<String> queries = new ArrayList<>();
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                queries.add(target.getAsJsonObject().get("expr").getAsString());
            }
        }
        assertThat(queries).hasSize(6);
        for (String query : queries) {
            String concrete = query.replace("$__rate_interval", "1m").replace("$job", ".*").replace("$instance", ".*")
                    .replace("$type", ".*");
            assertThat(prometheus.status(concrete)).as(query).isEqualTo("success");
        }
        assertThat(prometheus.awaitValue("sum by (instance) (leaktrace_live_objects{job=~\".*\"})", "1010",
                Duration.ofSeconds(5))).as("the kept and the held objects").isEqualTo("1010");
    }

    @Test
    void badAddressesAndAPortInUseAreConfigErrorsNamingTheKey() throws Exception {
        Jdk jdk = Jdk.current();
        RunResult malformed = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept")
                .agent("metrics: 127.0.0.1:99999\n" + TYPES).run("1", "1", "0");
        assertThat(malformed.exit()).as(malformed.toString()).isEqualTo(78);
        assertThat(malformed.stderr()).contains(":1: metrics: '127.0.0.1:99999': the port '99999' is not a number");
        assertThat(malformed.stdout()).doesNotContain("TOTALS");

        RunResult open = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept")
                .agent("metrics: 0.0.0.0:9464\n" + TYPES).run("1", "1", "0");
        assertThat(open.exit()).as(open.toString()).isEqualTo(78);
        assertThat(open.stderr()).contains("metrics: '0.0.0.0:9464' is not a loopback address")
                .contains("write 'public:0.0.0.0:9464' if that is meant");

        JvmRun badArgument = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept");
        Path config = badArgument.dir().resolve("lt.yaml");
        Files.writeString(config, TYPES);
        RunResult viaArgument = badArgument.agentArguments("config=" + config + ",metrics=localhost:9464,output="
                + badArgument.log()).run("1", "1", "0");
        assertThat(viaArgument.exit()).isEqualTo(78);
        assertThat(viaArgument.stderr()).contains("agent argument 'metrics': 'localhost:9464': the host must be an IP address");

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            RunResult stopped = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept")
                    .agent("metrics: 127.0.0.1:" + port + "\n" + TYPES).run("1", "1", "0");
            assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(78);
            assertThat(stopped.stderr()).contains("metrics: cannot serve on 127.0.0.1:" + port + " (")
                    .contains("Pick a free port");

            RunResult runsOn = JvmRun.on(jdk).main("fixtures.survivors.ShortAndKept")
                    .agent("onConfigError: warn\nmetrics: 127.0.0.1:" + port + "\n" + TYPES).run("3", "2", "0");
            assertThat(runsOn.exit()).as(runsOn.toString()).isZero();
            assertThat(runsOn.stderr()).contains("metrics: cannot serve on").contains("tracing goes on without metrics");
            assertThat(runsOn.stdout()).contains("TOTALS allocated=15");
            assertThat(runsOn.events("ALLOCATE", "fixtures.survivors.Job")).as("still traced").hasSize(15);
        }
    }
}

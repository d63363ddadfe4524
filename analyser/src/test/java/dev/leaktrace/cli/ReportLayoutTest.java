package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The before/after report in headless Chromium at 1280 and 1920 px: a script added to a copy of
 * the page measures the layout after it has run, and Chromium's DOM dump carries the facts back.
 * The screenshots stay in target/report-screenshots for a person to look at.
 */
class ReportLayoutTest {
    private static final String LONG_TYPE = "dev.leaktrace.demo.prover.LookupTableOfAVeryLongNameThatMustWrapBetweenParts";
    private static final int ROUNDS = 200;
    private static final String MEASURE = """
            <script>
            window.addEventListener('load', function () { setTimeout(function () {
              var f = {viewport: window.innerWidth, body: document.body.getBoundingClientRect().width, colours: {}, broken: []};
              f.charts = Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (s) { return s.getBoundingClientRect().width; });
              f.flames = Array.prototype.map.call(document.querySelectorAll('svg.flame'), function (s) { return s.getBoundingClientRect().width; });
              function colour(type, value) { (f.colours[type] = f.colours[type] || []).push(value.toLowerCase()); }
              document.querySelectorAll('svg.chart polyline').forEach(function (p) { colour(p.dataset.type, p.getAttribute('stroke')); });
              document.querySelectorAll('.legend > span').forEach(function (s) { colour(s.dataset.type, s.querySelector('i').getAttribute('style').replace('background:', '')); });
              document.querySelectorAll('.name, td.growing, td.levelling, td.steady, td.single').forEach(function (n) {
                n.childNodes.forEach(function (t) {
                  if (t.nodeType !== 3 || t.textContent.trim() === '') return;
                  var range = document.createRange(); range.selectNodeContents(t);
                  var tops = {};
                  Array.prototype.forEach.call(range.getClientRects(), function (r) { tops[Math.round(r.top)] = true; });
                  if (Object.keys(tops).length > 1) f.broken.push(t.textContent);
                });
              });
              var svg = document.querySelector('svg.flame'), boxes = svg.querySelectorAll('g');
              var target = Array.prototype.filter.call(boxes, function (g) { return g.dataset.row === '2'; })[0];
              target.dispatchEvent(new MouseEvent('click', {bubbles: true}));
              f.flameWidth = svg.viewBox.baseVal.width;
              f.zoomed = parseFloat(target.querySelector('rect').getAttribute('width'));
              f.hidden = Array.prototype.filter.call(boxes, function (g) { return g.style.display === 'none'; }).length;
              var input = svg.previousElementSibling.querySelector('input');
              input.value = 'proveall'; input.dispatchEvent(new Event('input'));
              f.matched = Array.prototype.filter.call(boxes, function (g) { return g.querySelector('rect').getAttribute('fill') === '#e040fb'; }).length;
              f.matchText = svg.previousElementSibling.querySelector('.flame-match').textContent;
              document.body.insertAdjacentHTML('beforeend', '<pre id="layout-facts">' + JSON.stringify(f) + '</pre>');
            }, 50); });
            </script>
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1280, 1920})
    void theReportUsesTheWidthKeepsColoursAndWordsWholeAndItsFlameGraphZoomsAndSearches(int width) throws Exception {
        String browser = onPath("chromium");
        assumeTrue(browser != null, "chromium is not installed");
        Path before = Files.writeString(dir.resolve("before.log"), log(true));
        Path after = Files.writeString(dir.resolve("after.log"), log(false));
        Path html = dir.resolve("report.html");
        CliRun report = CliRun.of("report", before.toString(), after.toString(), "-o", html.toString());
        assertThat(report.exit()).as(report.err()).isZero();

        Path shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        Path png = shots.resolve("report-" + width + ".png").toAbsolutePath();
        chromium(browser, width, "--screenshot=" + png, html);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);

        Path measured = dir.resolve("measured.html");
        Files.writeString(measured, Files.readString(html).replace("</body>", MEASURE + "</body>"));
        String dom = chromium(browser, width, "--dump-dom", measured);
        int start = dom.lastIndexOf("<pre id=\"layout-facts\">");
        assertThat(start).as("the measuring script ran:\n" + dom.substring(Math.max(0, dom.length() - 2000))).isPositive();
        String json = dom.substring(start + "<pre id=\"layout-facts\">".length(), dom.indexOf("</pre>", start));
        JsonObject facts = JsonParser.parseString(json.replace("&quot;", "\"").replace("&amp;", "&")).getAsJsonObject();

        double viewport = facts.get("viewport").getAsDouble();
        assertThat(facts.get("body").getAsDouble()).as("the page uses the window's width").isGreaterThan(viewport - 80);
        for (String charts : List.of("charts", "flames")) {
            for (JsonElement chart : facts.getAsJsonArray(charts)) {
                assertThat(chart.getAsDouble()).as(charts + " span the page").isGreaterThan(viewport - 80);
            }
        }
        assertThat(facts.getAsJsonArray("broken")).as("words broken across lines").isEmpty();
        for (Map.Entry<String, JsonElement> type : facts.getAsJsonObject("colours").entrySet()) {
            JsonArray colours = type.getValue().getAsJsonArray();
            assertThat(colours.asList().stream().distinct().count()).as(type.getKey() + " has one colour: " + colours)
                    .isEqualTo(1);
        }
        assertThat(facts.getAsJsonObject("colours").entrySet().stream()
                .map(e -> e.getValue().getAsJsonArray().get(0).getAsString()).distinct().count())
                .as("different types have different colours").isEqualTo(facts.getAsJsonObject("colours").size());
        assertThat(facts.getAsJsonObject("colours").keySet()).contains(LONG_TYPE, "com.example.OnlyAfter");
        assertThat(facts.get("zoomed").getAsDouble()).as("the clicked box spans the graph")
                .isEqualTo(facts.get("flameWidth").getAsDouble(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(facts.get("flameWidth").getAsDouble()).isGreaterThan(viewport - 80);
        assertThat(facts.get("hidden").getAsInt()).as("boxes beside the zoomed one hide").isPositive();
        assertThat(facts.get("matched").getAsInt()).as("search highlights").isEqualTo(1);
        long leakedRounds = 0;
        long throughProveAll = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (leaks(round)) {
                leakedRounds++;
                throughProveAll += warmUp(round) ? 0 : 1;
            }
        }
        String share = String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * throughProveAll / leakedRounds);
        assertThat(facts.get("matchText").getAsString()).isEqualTo("1 frame matches, " + share + " of the leaked bytes");
    }

    /** Two runs whose types come in different orders; the first run's stacks split 80/20 between two callers. */
    private static String log(boolean before) {
        StringBuilder log = new StringBuilder("# leaktrace 0.1.0 pid=1 start=2026-01-01T00:00:00Z\n");
        String[] types = before
                ? new String[] {"com.example.Srs", LONG_TYPE, "com.example.ProverIndex"}
                : new String[] {"com.example.OnlyAfter", "com.example.ProverIndex", LONG_TYPE};
        long id = 1;
        for (int round = 0; round < ROUNDS; round++) {
            for (int t = 0; t < types.length; t++) {
                long size = (t + 1) * 1000L + (before ? 0 : 500);
                log.append("@ALLOCATE ").append(types[t]).append(' ').append(size).append(" com/example/Prover.java:")
                        .append(40 + t).append(' ').append(id).append('\n');
                String caller = warmUp(round) ? "com.example.Main.warmUp(Main.java:9)" : "com.example.Main.proveAll(Main.java:12)";
                log.append("@STACK ").append(id).append(" com.example.Main.main(Main.java:5);").append(caller)
                        .append(";com.example.Prover.prove(Prover.java:").append(40 + t).append(")\n");
                if (!leaks(round)) {
                    log.append("@DROP ").append(types[t]).append(' ').append(size).append(' ').append(id).append('\n');
                }
                id++;
            }
        }
        return log.toString();
    }

    /** Every round allocates one object of each type, the same sizes in each round. */
    private static boolean leaks(int round) {
        return round % 3 == 0;
    }

    private static boolean warmUp(int round) {
        return round % 5 == 0;
    }

    private String chromium(String browser, int width, String mode, Path page) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        Path out = dir.resolve("chromium-" + width + ".out");
        Process process = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--virtual-time-budget=3000", "--user-data-dir=" + profile, "--window-size=" + width + ",1400", mode,
                page.toUri().toString())
                .redirectError(dir.resolve("chromium-" + width + ".err").toFile()).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String onPath(String command) {
        String path = System.getenv("PATH");
        for (String entry : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, command))) {
                return Path.of(entry, command).toString();
            }
        }
        return null;
    }
}

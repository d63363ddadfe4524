package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a report in headless Chromium, when it is installed, and checks the chart is drawn. */
class ReportRenderTest {

    @TempDir
    Path dir;

    @Test
    void chromiumRendersTheChart() throws Exception {
        Path script = Path.of("..", "scripts", "render-report.sh").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(script), "scripts/render-report.sh not found");
        assumeTrue(onPath("chromium"), "chromium is not installed");

        StringBuilder log = new StringBuilder();
        for (int id = 1; id <= 2000; id++) {
            log.append("@ALLOCATE com.example.Proof 4096 com/example/Prover.java:55 ").append(id).append('\n');
            if (id % 10 != 0) {
                log.append("@DROP com.example.Proof 4096 ").append(id).append('\n');
            }
        }
        Path logFile = Files.writeString(dir.resolve("run.log"), log);
        Path html = dir.resolve("report.html");
        assertThat(CliRun.of("report", logFile.toString(), "-o", html.toString()).exit()).isZero();

        Path png = dir.resolve("report.png");
        Process process = new ProcessBuilder(script.toString(), html.toString(), png.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("render.out").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("render.out"))).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(50);
        assertThat(colours.stream().anyMatch(c -> (c >> 16) > 190 && ((c >> 8) & 0xff) < 70 && (c & 0xff) < 70))
                .as("the red line of the largest type (#d62728) is drawn").isTrue();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }
}

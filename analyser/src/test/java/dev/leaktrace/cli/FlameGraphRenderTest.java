package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a report of a log with call stacks in headless Chromium, when installed, and looks for the flame graph. */
class FlameGraphRenderTest {

    @TempDir
    Path dir;

    @Test
    void chromiumDrawsTheFlameGraph() throws Exception {
        Path script = Path.of("..", "scripts", "render-report.sh").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(script), "scripts/render-report.sh not found");
        assumeTrue(onPath("chromium"), "chromium is not installed");

        StringBuilder log = new StringBuilder();
        for (int id = 1; id <= 300; id++) {
            log.append("@ALLOCATE com.example.Conn 4096 com/example/Repo.java:17 ").append(id).append('\n');
            log.append("@STACK ").append(id).append(" com.example.Main.main(Main.java:10);")
                    .append(id % 3 == 0 ? "com.example.Admin.report(Admin.java:7)" : "com.example.Service.handle(Service.java:42)")
                    .append(";com.example.Repo.open(Repo.java:17)\n");
            if (id % 4 != 0) {
                log.append("@DROP com.example.Conn 4096 ").append(id).append('\n');
            }
        }
        Path logFile = Files.writeString(dir.resolve("run.log"), log);
        Path html = dir.resolve("report.html");
        assertThat(CliRun.of("report", logFile.toString(), "-o", html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).contains("class=\"flame\"");

        Path png = dir.resolve("report.png");
        Process process = new ProcessBuilder(script.toString(), html.toString(), png.toString(), "1200x1200")
                .redirectErrorStream(true).redirectOutput(dir.resolve("render.out").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("render.out"))).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        int typePixels = 0;
        int framePixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r >= 100 && r <= 150 && g >= 150 && g <= 200 && b >= 215) {
                    typePixels++; // the blue boxes of the leaked type
                }
                if (r >= 215 && g >= 80 && g <= 225 && b >= 30 && b <= 80) {
                    framePixels++; // the warm boxes of the code frames
                }
            }
        }
        // Each row is 17 px high and the graph about 960 px wide, so a drawn row has thousands of pixels.
        assertThat(typePixels).as("pixels of the type row").isGreaterThan(5000);
        assertThat(framePixels).as("pixels of the frame rows").isGreaterThan(3 * 5000);
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

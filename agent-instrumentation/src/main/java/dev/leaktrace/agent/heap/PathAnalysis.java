package dev.leaktrace.agent.heap;

import dev.leaktrace.agent.jar.OwnJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the analyser's {@code paths} on a heap dump in a JVM of its own, started from the agent's
 * jar: the dump reader and the memory its arrays take never enter the traced JVM, whose
 * heap is still full of what it dumped.
 */
public final class PathAnalysis {
    /** Past this the analysis is given up: far more than a heap of several GB takes (docs/performance.md). */
    static final long TIMEOUT_MINUTES = 5;

    private PathAnalysis() {
    }

    /** The @RETAINED, @HOLDER, @PATH and @REACHABLE lines for {@code heapDump}; its messages go to stderr. */
    public static List<String> run(Path heapDump, int examples, int referenceSize) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", OwnJar.location().toString(),
                "dev.leaktrace.cli.Main", "paths", heapDump.toString(), "--examples", String.valueOf(examples),
                "--reference-size", String.valueOf(referenceSize));
        // Options meant for the traced JVM (a -javaagent of ours among them) would trace the analysis
        // too, and its exit would start another analysis.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("@RETAINED ") || line.startsWith("@HOLDER ") || line.startsWith("@PATH ")
                        || line.startsWith("@REACHABLE ")) {
                    lines.add(line);
                }
            }
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the analysis of " + heapDump + " took over " + TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException("the analysis of " + heapDump + " failed (exit " + process.exitValue() + ")");
        }
        return lines;
    }
}

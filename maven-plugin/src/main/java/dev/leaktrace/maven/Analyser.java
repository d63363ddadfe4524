package dev.leaktrace.maven;

import dev.leaktrace.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs an analyser command line in this JVM, as {@code java -jar leaktrace.jar} would, keeping what it prints. */
final class Analyser {
    /** What a command printed and its exit code (see the analyser's exit codes). */
    record Outcome(int exit, String out, String err) {
    }

    private Analyser() {
    }

    static Outcome run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(new ByteArrayInputStream(new byte[0]), outStream, errStream, args.toArray(new String[0]));
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

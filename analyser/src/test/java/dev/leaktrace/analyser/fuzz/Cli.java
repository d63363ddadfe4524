package dev.leaktrace.analyser.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the analyser's command line, and the checks every fuzzed run must pass. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** No stack trace, no internal error; every complaint is a "leaktrace:" line or an indented detail of one. */
    Cli isClean(String what) {
        String all = out + err;
        assertThat(all).as(what + ": no stack trace\n" + this).doesNotContain("\tat ").doesNotContain("Exception in thread")
                .doesNotContain("internal error");
        all.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7F)).findFirst().ifPresent(c -> {
            throw new AssertionError(what + ": control character " + c + " printed to the terminal\n" + this);
        });
        assertThat(err.isEmpty() || err.startsWith("leaktrace:")).as(what + ": starts with a message\n" + this).isTrue();
        err.lines().forEach(line -> assertThat(line.startsWith("leaktrace:") || line.startsWith("  "))
                .as(what + ": a message or its detail: " + line + "\n" + this).isTrue());
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + abbreviate(out) + "\n--- err\n" + abbreviate(err);
    }

    private static String abbreviate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000) + "... (" + s.length() + " chars)";
    }
}

package dev.leaktrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leaks LOG...} without picocli must be indistinguishable from the picocli command. */
class PlainLeaksTest {
    @TempDir
    Path dir;

    private String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private static CliRun run(boolean picocli, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayInputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = picocli ? Main.runWithPicocli(in, outStream, errStream, args) : Main.run(in, outStream, errStream, args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void takesOnlyLeaksFollowedByPaths() {
        assertThat(PlainLeaks.handles(new String[] {"leaks", "a.log"})).isTrue();
        assertThat(PlainLeaks.handles(new String[] {"leaks", "a.log", "-", "b.log.gz"})).isTrue();
        assertThat(PlainLeaks.handles(new String[] {"leaks"})).isFalse();
        assertThat(PlainLeaks.handles(new String[] {"leaks", "--json", "a.log"})).isFalse();
        assertThat(PlainLeaks.handles(new String[] {"leaks", "a.log", "--strict"})).isFalse();
        assertThat(PlainLeaks.handles(new String[] {"leaks", "--", "a.log"})).isFalse();
        assertThat(PlainLeaks.handles(new String[] {"leaks", "@args.txt"})).isFalse();
        assertThat(PlainLeaks.handles(new String[] {"leaks", ""})).isFalse();
        assertThat(PlainLeaks.handles(new String[] {"diff", "a.log", "b.log"})).isFalse();
    }

    @Test
    void printsWhatThePicocliCommandPrints() throws IOException {
        String seed = file("seed.log", MainTest.SEED);
        String clean = file("clean.log", MainTest.CLEAN);
        String bad = file("bad.log", MainTest.SEED + "@DROP Nope 1 99\n@ALLOCATE x\n@ALLOCATE A 1 a.rs:1 1\n"
                + "@GC WasmFpSrs 1 1\n@STACK 5 a;b\n\u0001@ALLOCATE Cut 3 c.rs:3 7");
        String plain = file("plain.log", "just program output\n");
        String missing = dir.resolve("nope.log").toString();
        for (List<String> logs : List.of(List.of(seed), List.of(clean), List.of(bad), List.of(seed, clean),
                List.of(plain), List.of(seed, plain), List.of(missing), List.of(dir.toString()), List.of("-"),
                List.of("-", "-"))) {
            String[] args = new String[logs.size() + 1];
            args[0] = "leaks";
            for (int i = 0; i < logs.size(); i++) {
                args[i + 1] = logs.get(i);
            }
            assertThat(PlainLeaks.handles(args)).isTrue();
            assertThat(run(false, MainTest.SEED, args)).as(logs.toString()).isEqualTo(run(true, MainTest.SEED, args));
        }
    }
}

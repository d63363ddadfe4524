package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.cli.Main;
import dev.leaktrace.it.Event;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import fixtures.reliability.names.NameBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/**
 * Binary names may hold a space, a newline, '@' or '%' (legal in class files). Each event of such
 * a class is still one line with the right number of fields, and the analyser reads it.
 */
class ForgedNamesIT {
    private static final String PKG = "fixtures.reliability.names.";
    /** The names as defined, and as they must be printed. */
    private static final List<String[]> NAMES = List.of(
            new String[] {"With Space", "With%20Space"},
            new String[] {"With\nNewline", "With%0ANewline"},
            new String[] {"With@ALLOCATE Forged 1 a:1 1", "With%40ALLOCATE%20Forged%201%20a:1%201"},
            new String[] {"Per%cent", "Per%25cent"});

    @OnEachJdk
    void oddBinaryNamesPrintAsOneParseableLine(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Generated");
        ClassFolder classes = ClassFolder.in(run.dir());
        for (int i = 0; i < NAMES.size(); i++) {
            byte[] bytes = new ByteBuddy().with(TypeValidation.DISABLED).subclass(NameBase.class)
                    .name(PKG + NAMES.get(i)[0]).make().getBytes();
            classes.add(PKG + NAMES.get(i)[0], bytes);
        }
        RunResult r = run.agent("types:\n  - class: " + PKG + "NameBase\n    subtypes: true\n")
                .run(classes.path().toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lines = r.log().lines().toList();
        assertThat(Event.torn(lines)).as(r.toString()).isEmpty();
        assertThat(lines.stream().filter(Event::isEvent)).as("one allocation each, every second closed")
                .hasSize(NAMES.size() + NAMES.size() / 2);
        for (String[] name : NAMES) {
            assertThat(r.events("ALLOCATE", PKG + name[1])).as(name[1] + "\n" + r).hasSize(1);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "leaks", "--strict", run.log().toString());
        assertThat(exit).as("--strict: any malformed line would be fatal\n" + err).isZero();
        String leaks = out.toString(StandardCharsets.UTF_8);
        assertThat(NAMES.stream().filter(n -> leaks.contains(PKG + n[1] + " "))).as("the two kept objects, by their printed names\n" + leaks)
                .hasSize(2);
    }
}

package dev.leaktrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The injector reads its classes by name; a class added to the bootstrap packages must be named too. */
class BootstrapClassListTest {
    @Test
    void everyClassOfTheBootstrapPackagesIsListed() throws IOException {
        Path classes = Path.of("target/classes");
        List<String> compiled;
        try (Stream<Path> files = Stream.concat(
                Files.list(classes.resolve("dev/leaktrace/bootstrap")),
                Files.list(classes.resolve("dev/leaktrace/api")))) {
            compiled = files.map(f -> classes.relativize(f).toString())
                    .filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(BootstrapInjector.CLASSES)
                .as("BootstrapInjector.CLASSES must name every class compiled into dev.leaktrace.bootstrap and"
                        + " dev.leaktrace.api")
                .containsExactlyInAnyOrderElementsOf(compiled);
    }
}

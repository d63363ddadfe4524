package dev.leaktrace.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A JDK the end-to-end tests start programs with: the one running the build, plus Java 21 and 25
 * when installed beside it (under /usr/lib/jvm, or listed in LEAKTRACE_IT_JAVAS, ':'-separated).
 */
public record Jdk(String name, Path java) {
    @Override
    public String toString() {
        return name;
    }

    public static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        Path current = Path.of(System.getProperty("java.home"), "bin", "java");
        jdks.add(new Jdk("java" + Runtime.version().feature(), current));
        String listed = System.getenv("LEAKTRACE_IT_JAVAS");
        List<Path> homes = new ArrayList<>();
        if (listed != null && !listed.isBlank()) {
            for (String home : listed.split(":")) {
                homes.add(Path.of(home));
            }
        } else {
            try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
                installed.sorted().forEach(homes::add);
            } catch (Exception none) {
                // no other JDKs here
            }
        }
        for (String feature : List.of("21", "25")) {
            if (feature.equals(Integer.toString(Runtime.version().feature()))) {
                continue;
            }
            homes.stream()
                    .filter(h -> h.getFileName().toString().matches(".*\\D" + feature + "(\\D.*)?"))
                    .map(h -> h.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .ifPresent(java -> jdks.add(new Jdk("java" + feature, java)));
        }
        return jdks;
    }

    public static Jdk current() {
        return all().get(0);
    }
}

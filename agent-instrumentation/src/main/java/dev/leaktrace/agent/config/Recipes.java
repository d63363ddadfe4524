package dev.leaktrace.agent.config;

import java.util.List;

/** The ready-made configs shipped in the jar (sources in the project's src/recipes). */
public final class Recipes {
    private Recipes() {
    }

    public static List<String> names() {
        return List.of("jdk-io", "jdbc", "executors", "sockets", "netty");
    }
}

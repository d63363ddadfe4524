package dev.leaktrace.it.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.agent.config.ConfigException;
import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.config.Recipes;
import dev.leaktrace.agent.config.TraceConfig;
import dev.leaktrace.it.Built;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file of src/recipes is listed, bundled and parses; every listed name is a file. */
class RecipeListIT {
    @Test
    void theListIsTheFilesOfSrcRecipes() throws Exception {
        List<String> files;
        try (Stream<Path> listed = Files.list(Built.RECIPES)) {
            files = listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).toList();
        }
        assertThat(Recipes.names()).containsExactlyInAnyOrderElementsOf(files)
                .contains("jdk-io", "jdbc", "executors", "sockets");
    }

    @Test
    void everyRecipeIsBundledAndParses() throws Exception {
        for (String name : Recipes.names()) {
            TraceConfig config = ConfigLoader.load("recipe:" + name);
            assertThat(config.types()).as(name).isNotEmpty();
        }
    }

    @Test
    void anUnknownNameListsTheRecipes() {
        assertThatThrownBy(() -> ConfigLoader.load("recipe:jdcb")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("jdk-io, jdbc, executors, sockets");
    }
}

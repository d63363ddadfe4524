package dev.leaktrace.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The tables of known keys: every key has its own parser, and the keys a file may use are exactly
 * the table's. A value of the wrong shape (a mapping, which no key takes) makes each parser report
 * under its own key, so a key read by another key's parser shows here.
 */
class ConfigKeysTest {
    private static final String WRONG_SHAPE = "{a: b}";

    private static String error(String yaml) {
        try {
            ConfigLoader.parse("app.yaml", new StringReader(yaml));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void everyTopLevelKeyIsReadByItsOwnParser() {
        for (TopLevelKey key : TopLevelKey.values()) {
            String yaml = "types:\n  - class: a.B\n" + key.key + ": " + WRONG_SHAPE + "\n";

            assertThat(error(yaml)).as(key.key).startsWith("app.yaml:3: " + key.key + ": ");
        }
    }

    @Test
    void everyTypeEntryKeyIsReadByItsOwnParser() {
        for (TypeEntryKey key : TypeEntryKey.values()) {
            String yaml = "types:\n  - class: a.B\n    " + key.key + ": " + WRONG_SHAPE + "\n";

            assertThat(error(yaml)).as(key.key).startsWith("app.yaml:3: " + key.key + ": ");
        }
    }

    @Test
    void theKnownKeysAreTheTablesKeys() {
        assertThat(error("types:\n  - class: a.B\nzzzzzz: 1\n"))
                .endsWith("Known keys here: " + String.join(", ", new TreeSet<>(TopLevelKey.BY_NAME.keySet())) + ".");
        assertThat(error("types:\n  - class: a.B\n    zzzzzz: 1\n"))
                .endsWith("Known keys here: " + String.join(", ", new TreeSet<>(TypeEntryKey.BY_NAME.keySet())) + ".");
    }
}

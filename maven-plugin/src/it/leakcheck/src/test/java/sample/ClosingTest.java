package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leaktrace.junit.LeakCheck;
import org.junit.jupiter.api.Test;

@LeakCheck(types = "sample.Connection")
class ClosingTest {
    @Test
    void closesWhatItOpens() {
        try (Connection connection = new Connection()) {
            assertEquals(8, connection.query("select 1"));
        }
    }
}

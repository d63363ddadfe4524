package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leaktrace.junit.LeakCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@LeakCheck(types = "sample.Connection")
class LeakingTest {
    private final List<Connection> kept = new ArrayList<>();

    @Test
    void forgetsToClose() {
        Connection connection = new Connection();
        kept.add(connection);
        assertEquals(8, connection.query("select 1"));
    }
}

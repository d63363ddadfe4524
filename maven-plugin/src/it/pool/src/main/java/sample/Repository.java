package sample;

import java.util.ArrayList;
import java.util.List;

/** Runs each query on a connection of its own, and keeps every connection it ever opened. */
public final class Repository {
    private final List<Connection> opened = new ArrayList<>();

    public int countUsers() {
        Connection connection = new Connection();
        opened.add(connection);
        return connection.query("select count(*) from users"); // LEAK: never closed
    }
}

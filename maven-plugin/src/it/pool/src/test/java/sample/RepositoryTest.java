package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RepositoryTest {
    @Test
    void countsUsersThreeTimes() {
        Repository repository = new Repository();
        for (int i = 0; i < 3; i++) {
            assertEquals(26, repository.countUsers());
        }
    }
}

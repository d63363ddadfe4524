package dev.leaktrace.analyser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Analyses log text held in a test, as if read from standard input. */
final class TestLogs {
    private TestLogs() {
    }

    static Analysis analyse(String log) throws LogReadException {
        return analyse(log, false);
    }

    static Analysis analyse(String log, boolean strict) throws LogReadException {
        return new LogAnalyser(strict).analyse(List.of(stdin(log)));
    }

    static LogInput stdin(String log) {
        return LogInput.of("-", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    }
}

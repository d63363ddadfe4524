package dev.leaktrace.analyser.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording read as a log: its {@code leaktrace.Allocation} and {@code leaktrace.Drop}
 * events (the agent's {@code jfr: objects}) become @ALLOCATE, @DROP and @GC lines, in the order
 * they happened, so the rest of the analysis reads it like any other log. JFR writes each
 * thread's events in batches, so they are sorted by time first, which holds them all in memory.
 */
final class JfrLogText {
    private static final String ALLOCATION = "leaktrace.Allocation";
    private static final String DROP = "leaktrace.Drop";

    private JfrLogText() {
    }

    /** The recording's lines, in a temporary file that is deleted when the stream is closed. */
    static InputStream open(Path recording) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String name = event.getEventType().getName();
                if (name.equals(ALLOCATION)) {
                    lines.add(new Line(event.getStartTime(), 0, "@ALLOCATE " + event.getString("type") + " "
                            + event.getLong("size") + " " + event.getString("site") + " " + event.getLong("objectId")));
                } else if (name.equals(DROP)) {
                    lines.add(new Line(event.getStartTime(), 1, (event.getBoolean("collectedWithoutDrop") ? "@GC " : "@DROP ")
                            + event.getString("type") + " " + event.getLong("size") + " " + event.getLong("objectId")));
                }
            }
        }
        lines.sort(Comparator.comparing(Line::time).thenComparingInt(Line::order));
        Path text = Files.createTempFile("leaktrace-jfr", ".log");
        try (Writer out = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            out.write("# leaktrace events of the JFR recording " + recording.getFileName() + "\n");
            for (Line line : lines) {
                out.write(line.text);
                out.write('\n');
            }
        }
        return Files.newInputStream(text, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** @param order allocations before drops of the same instant */
    private record Line(Instant time, int order, String text) {
    }
}

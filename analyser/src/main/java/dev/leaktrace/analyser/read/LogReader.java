package dev.leaktrace.analyser.read;

import dev.leaktrace.analyser.parse.EventLineSink;
import java.io.IOException;
import java.io.InputStream;

/** Reads one log: splits it into lines, parses each and hands it to a sink, in file order. */
public interface LogReader {
    /** Feeds every line of {@code in} to {@code sink}; the sites' keys ({@code EventLine.siteKey}) are this read's own. */
    void read(InputStream in, EventLineSink sink) throws IOException;

    /** Lines handed to the sink so far; after an I/O error, the last line that was complete. */
    long linesRead();
}

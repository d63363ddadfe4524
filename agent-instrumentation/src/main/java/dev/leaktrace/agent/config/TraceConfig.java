package dev.leaktrace.agent.config;

import java.util.List;

/** A loaded, checked config file. */
public final class TraceConfig {
    public enum OnConfigError { STOP, WARN }

    private final String file;
    private final String output;
    private final OnConfigError onConfigError;
    private final List<TypeEntry> types;
    private final LogSettings log;
    private final LibraryPatterns library;
    private final int paths;

    public TraceConfig(String file, String output, OnConfigError onConfigError, List<TypeEntry> types) {
        this(file, output, onConfigError, types, LogSettings.DEFAULT);
    }

    public TraceConfig(String file, String output, OnConfigError onConfigError, List<TypeEntry> types,
                       LogSettings log) {
        this(file, output, onConfigError, types, log, LibraryPatterns.NONE);
    }

    /** @param library the top-level {@code library:} patterns */
    public TraceConfig(String file, String output, OnConfigError onConfigError, List<TypeEntry> types,
                       LogSettings log, LibraryPatterns library) {
        this(file, output, onConfigError, types, log, library, 0);
    }

    /** @param paths objects per leaked group that get a path from a GC root at exit ({@code paths: N}) */
    public TraceConfig(String file, String output, OnConfigError onConfigError, List<TypeEntry> types,
                       LogSettings log, LibraryPatterns library, int paths) {
        this.file = file;
        this.output = output;
        this.onConfigError = onConfigError;
        this.types = List.copyOf(types);
        this.log = log;
        this.library = library;
        this.paths = paths;
    }

    public String file() {
        return file;
    }

    /** "stderr", "stdout" or a path (may hold %p); null when the file does not say. */
    public String output() {
        return output;
    }

    public OnConfigError onConfigError() {
        return onConfigError;
    }

    public List<TypeEntry> types() {
        return types;
    }

    /** {@code log:}, {@code survivorAge:} and {@code metrics:}. */
    public LogSettings log() {
        return log;
    }

    /** The top-level {@code library:} patterns: library code for every entry. */
    public LibraryPatterns library() {
        return library;
    }

    /** Objects per leaked group that get a path from a GC root at exit; 0 for none. */
    public int paths() {
        return paths;
    }

    public TraceConfig withOutput(String newOutput) {
        return new TraceConfig(file, newOutput, onConfigError, types, log, library, paths);
    }

    public TraceConfig withLog(LogSettings newLog) {
        return new TraceConfig(file, output, onConfigError, types, newLog, library, paths);
    }
}

package dev.leaktrace.agent.config;

import java.util.List;

/** A loaded, checked config file. */
public final class TraceConfig {
    public enum OnConfigError { STOP, WARN }

    private final String file;
    private final String output;
    private final OnConfigError onConfigError;
    private final List<TypeEntry> types;
    private final int paths;

    public TraceConfig(String file, String output, OnConfigError onConfigError, List<TypeEntry> types) {
        this(file, output, onConfigError, types, 0);
    }

    /** @param paths objects per leaked group that get a path from a GC root at exit ({@code paths: N}) */
    public TraceConfig(String file, String output, OnConfigError onConfigError, List<TypeEntry> types, int paths) {
        this.file = file;
        this.output = output;
        this.onConfigError = onConfigError;
        this.types = List.copyOf(types);
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

    /** Objects per leaked group that get a path from a GC root at exit; 0 for none. */
    public int paths() {
        return paths;
    }

    public TraceConfig withOutput(String newOutput) {
        return new TraceConfig(file, newOutput, onConfigError, types, paths);
    }
}

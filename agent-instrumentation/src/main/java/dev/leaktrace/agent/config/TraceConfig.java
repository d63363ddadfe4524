package dev.leaktrace.agent.config;

import java.util.List;

/** A loaded, checked config file. */
public final class TraceConfig {
    public enum OnConfigError { STOP, WARN }

    private final String file;
    private final String output;
    private final OnConfigError onConfigError;
    private final List<TypeEntry> types;

    public TraceConfig(String file, String output, OnConfigError onConfigError, List<TypeEntry> types) {
        this.file = file;
        this.output = output;
        this.onConfigError = onConfigError;
        this.types = List.copyOf(types);
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

    public TraceConfig withOutput(String newOutput) {
        return new TraceConfig(file, newOutput, onConfigError, types);
    }
}

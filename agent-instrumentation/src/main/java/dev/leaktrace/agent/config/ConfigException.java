package dev.leaktrace.agent.config;

/**
 * A config problem, with where it is and what to do. The message is complete as it stands:
 * {@code <file>:<line>: <key>: <problem>. <what to do>}.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    static ConfigException at(String file, int line, String key, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (key != null) {
            b.append(key).append(": ");
        }
        return new ConfigException(b.append(problem).toString());
    }
}

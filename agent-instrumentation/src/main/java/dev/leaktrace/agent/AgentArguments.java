package dev.leaktrace.agent;

import dev.leaktrace.agent.config.ConfigException;
import dev.leaktrace.agent.spelling.Suggestions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code -javaagent:leaktrace.jar=key=value,key=value} options. */
final class AgentArguments {
    static final String CONFIG_PROPERTY = "leaktrace.config";
    private static final Set<String> KEYS = Set.of("config", "output", "onConfigError", "metrics");

    private final Map<String, String> values;

    private AgentArguments(Map<String, String> values) {
        this.values = values;
    }

    static AgentArguments parse(String text) throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException("agent argument '" + part + "' is not key=value. Use e.g. "
                            + "-javaagent:leaktrace.jar=config=leaktrace.yaml,output=trace.log");
                }
                String key = part.substring(0, eq).trim();
                if (!KEYS.contains(key)) {
                    String near = Suggestions.nearest(key, KEYS);
                    throw new ConfigException("unknown agent argument '" + key + "'"
                            + (near != null ? "; did you mean '" + near + "'?" : "")
                            + " Known arguments: config, output, onConfigError, metrics.");
                }
                values.put(key, part.substring(eq + 1).trim());
            }
        }
        return new AgentArguments(values);
    }

    /** From the arguments, else the system property; null when neither names one. */
    String config() {
        String fromArguments = values.get("config");
        return fromArguments != null ? fromArguments : System.getProperty(CONFIG_PROPERTY);
    }

    String output() {
        return values.get("output");
    }

    /** {@code metrics=HOST:PORT}; null when not given. */
    String metrics() {
        return values.get("metrics");
    }

    String onConfigError() {
        return values.get("onConfigError");
    }
}

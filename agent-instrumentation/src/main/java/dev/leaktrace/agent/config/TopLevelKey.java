package dev.leaktrace.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of a config file's top level, each with the parser of its value: this enum is the
 * table of known keys, so a key cannot be known without its parser.
 */
enum TopLevelKey implements ConfigValues.Key {
    OUTPUT("output") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.output = ConfigValues.scalar(file, key, value);
        }
    },
    TYPES("types") {
        /** Parsed once the level is read: its entries take the level's {@code stacks}, which may come later. */
        @Override
        void read(Values into, String file, YamlNode value) {
            into.types = value;
        }
    },
    ON_CONFIG_ERROR("onConfigError") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            String mode = ConfigValues.scalar(file, key, value);
            if (mode.equals("warn")) {
                into.onConfigError = TraceConfig.OnConfigError.WARN;
            } else if (!mode.equals("stop")) {
                throw ConfigException.at(file, value.line, key, "'" + mode
                        + "' is not a mode: use 'stop' (the default: exit 78 on a bad config) or 'warn'"
                        + " (run the application untraced)");
            }
        }
    },
    INCLUDE("include") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.included.addAll(ConfigLoader.includes(file, value, into.depth));
        }
    },
    STACKS("stacks") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.stacks = ConfigValues.stackDepth(file, value);
        }
    },
    LIBRARY("library") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.library = LibraryPatterns.read(file, value, false);
        }
    },
    LOG("log") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            String mode = ConfigValues.scalar(file, key, value);
            if (mode.equals("survivors")) {
                into.logMode = LogSettings.Mode.SURVIVORS;
            } else if (!mode.equals("all")) {
                throw ConfigException.at(file, value.line, key, "'" + mode + "' is not a log mode: use 'all' (the"
                        + " default: every object's lines) or 'survivors' (only objects that live past"
                        + " survivorAge, plus counts per type and site)");
            }
        }
    },
    SURVIVOR_AGE("survivorAge") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            String text = ConfigValues.scalar(file, key, value);
            long millis = DurationValue.millis(text);
            if (millis <= 0) {
                throw ConfigException.at(file, value.line, key, "'" + text + "' is not a duration above zero: write"
                        + " a whole number and a unit, e.g. 10s, 500ms, 2m or 1h");
            }
            into.survivorAgeMillis = millis;
        }
    },
    JFR("jfr") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            String mode = ConfigValues.scalar(file, key, value);
            switch (mode) {
                case "off" -> into.jfr = LogSettings.Jfr.OFF;
                case "live" -> into.jfr = LogSettings.Jfr.LIVE;
                case "objects" -> into.jfr = LogSettings.Jfr.OBJECTS;
                default -> throw ConfigException.at(file, value.line, key, "'" + mode + "' is not a JFR mode: use"
                        + " 'off' (the default), 'live' (a periodic leaktrace.LiveObjects event per type and site)"
                        + " or 'objects' (also leaktrace.Allocation and leaktrace.Drop per object)");
            }
        }
    },
    METRICS("metrics") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            String text = ConfigValues.scalar(file, key, value);
            try {
                into.metrics = MetricsAddress.parse(text);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, value.line, key, e.getMessage());
            }
        }
    },
    PATHS("paths") {
        @Override
        void read(Values into, String file, YamlNode value) throws ConfigException {
            into.paths = ConfigValues.pathExamples(file, value);
        }
    };

    /** The known keys by their names, as written in a file. */
    static final Map<String, TopLevelKey> BY_NAME = ConfigValues.byName(values());

    /** The key as written in a file. */
    final String key;

    TopLevelKey(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    abstract void read(Values into, String file, YamlNode value) throws ConfigException;

    /** What the keys of one file's top level set; each starts as the file's default. */
    static final class Values {
        /** How deep this file is included (0: the file named by the agent's arguments). */
        final int depth;
        String output;
        TraceConfig.OnConfigError onConfigError = TraceConfig.OnConfigError.STOP;
        YamlNode types;
        final List<TypeEntry> included = new ArrayList<>();
        int stacks;
        LibraryPatterns library = LibraryPatterns.NONE;
        int paths;
        LogSettings.Mode logMode = LogSettings.Mode.ALL;
        long survivorAgeMillis = LogSettings.DEFAULT_SURVIVOR_AGE_MILLIS;
        MetricsAddress metrics;
        LogSettings.Jfr jfr = LogSettings.Jfr.OFF;

        Values(int depth) {
            this.depth = depth;
        }
    }
}

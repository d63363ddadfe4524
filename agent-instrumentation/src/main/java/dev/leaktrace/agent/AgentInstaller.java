package dev.leaktrace.agent;

import dev.leaktrace.agent.channel.AgentChannel;
import dev.leaktrace.agent.config.ConfigException;
import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.config.LogSettings;
import dev.leaktrace.agent.config.MetricsAddress;
import dev.leaktrace.agent.config.TraceConfig;
import dev.leaktrace.agent.config.TypeEntry;
import dev.leaktrace.agent.heap.ExitPaths;
import dev.leaktrace.agent.instrument.Instrumenter;
import dev.leaktrace.agent.jfr.JfrEvents;
import dev.leaktrace.agent.metrics.MetricsServer;
import dev.leaktrace.bootstrap.LineSink;
import dev.leaktrace.bootstrap.Recorder;
import dev.leaktrace.bootstrap.RecorderQueries;
import dev.leaktrace.bootstrap.RecordingOptions;
import dev.leaktrace.bootstrap.Warnings;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reads the arguments and the config, opens the output, installs the transformer, starts the recorder. */
final class AgentInstaller {
    /** EX_CONFIG from sysexits.h: the exit code of a JVM stopped by a bad config. */
    static final int EXIT_CONFIG = 78;
    private static final Object LOCK = new Object();
    private static boolean installing;
    private static volatile Instrumenter installed;

    private AgentInstaller() {
    }

    static void install(String arguments, Instrumentation instrumentation, boolean atStartup) {
        if (!reserve(atStartup ? "second -javaagent" : "attach")) {
            return;
        }
        TraceConfig config;
        try {
            config = loadConfig(arguments);
        } catch (ConfigException e) {
            onConfigError(e, arguments, atStartup);
            return;
        }
        if (config.log().metrics() != null) {
            try {
                // Bound before tracing starts, so that a stop leaves nothing half done.
                MetricsServer.start(config.log().metrics());
            } catch (IOException | RuntimeException e) {
                ConfigException problem = new ConfigException("metrics: cannot serve on " + config.log().metrics()
                        + " (" + e.getMessage() + "). Is another process (or a second agent) using that port?"
                        + " Pick a free port, e.g. metrics: 127.0.0.1:9465.");
                if (atStartup && config.onConfigError() != TraceConfig.OnConfigError.WARN && !wantsWarnOnly(arguments)) {
                    onConfigError(problem, arguments, true);
                    return;
                }
                Warnings.warn("config error: " + problem.getMessage());
                Warnings.warn("tracing goes on without metrics (onConfigError: warn).");
                config = config.withLog(config.log().withMetrics(null));
            }
        }
        start(config, instrumentation);
    }

    /** Installs with a config built by a program (the JUnit extension); false when already installed. */
    static boolean install(TraceConfig config, Instrumentation instrumentation) {
        return reserve("installation") && start(config, instrumentation);
    }

    /** Adds the config's types to the running agent; false when it was not installed by this class loader. */
    static boolean addTypes(TraceConfig config) {
        Instrumenter current = installed;
        if (current == null) {
            return false;
        }
        current.addTypes(config.types());
        return true;
    }

    private static boolean reserve(String what) {
        synchronized (LOCK) {
            if (installing || RecorderQueries.isStarted()) {
                Warnings.warn("the agent is already installed in this JVM; this " + what + " changes nothing.");
                return false;
            }
            installing = true;
        }
        // Byte Buddy's nexus is not needed (no initializers) and costs start-up time and, on
        // Java 25, an Unsafe warning; it must be off before Byte Buddy is first touched.
        System.setProperty("net.bytebuddy.nexus.disabled", "true");
        return true;
    }

    private static boolean start(TraceConfig config, Instrumentation instrumentation) {
        String target = OutputTarget.describe(config.output());
        OutputStream out;
        try {
            out = OutputTarget.open(config.output());
        } catch (IOException | RuntimeException e) {
            Warnings.warn("cannot open the output '" + target + "' (" + e
                    + "); the application runs untraced. Check that the folder exists and is writable.");
            return false;
        }
        try {
            LineSink sink = new LineSink(out, target);
            sink.comment("# leaktrace " + Version.current() + " pid=" + ProcessId.current()
                    + " start=" + UtcTime.now() + " java=" + System.getProperty("java.version")
                    + " host=" + HostName.current() + " config=" + config.file() + logMode(config.log()));
            Instrumenter instrumenter = new Instrumenter(config, instrumentation);
            StartupPreload.await();
            installed = instrumenter;
            // Install before recording starts: what the agent opens and loads while installing is its own work.
            instrumenter.install();
            if (AgentInstaller.class.getClassLoader() == null) {
                JarNameCheck.warnIfShadowed(); // it reads files: before recording starts too
            }
            sink.beforeExit(instrumenter.unmatchedReport(sink));
            // The sink's threads first: they are the agent's, not objects of the application.
            sink.writeTimeMarks(new JvmStart(instrumentation));
            sink.start();
            LogSettings log = config.log();
            warnIfStacksAreIgnored(config);
            Recorder.start(instrumenter.typeResolver(), sink, new RecordingOptions(
                    log.mode() == LogSettings.Mode.SURVIVORS, log.survivorAgeMillis(), log.metrics() != null,
                    config.paths() > 0));
            if (log.jfr() != LogSettings.Jfr.OFF) {
                installJfr(log.jfr() == LogSettings.Jfr.OBJECTS);
            }
            if (config.paths() > 0) {
                sink.beforeExit(new ExitPaths(config.paths()), ExitPaths.mayTakeMillis());
            }
            AgentChannel.open(Version.current(), new Requests());
            return true;
        } catch (Throwable failure) {
            Warnings.warn("cannot install the agent (" + failure + "); the application runs untraced.");
            return false;
        }
    }

    /** Survivors get their @ALLOCATE late, from another thread, when their allocating stack is gone. */
    private static void warnIfStacksAreIgnored(TraceConfig config) {
        if (config.log().mode() != LogSettings.Mode.SURVIVORS) {
            return;
        }
        for (TypeEntry entry : config.types()) {
            if (entry.stacks() > 0) {
                Warnings.warn(entry.source() + ": stacks: " + entry.stacks() + " records nothing under log: survivors"
                        + " (an object's line is written when it has outlived survivorAge, from the agent's thread);"
                        + " use log: all to record allocating stacks.");
                return;
            }
        }
    }

    /** The channel's requests go where an attach's arguments go; an install through it is refused. */
    private static final class Requests implements AgentChannel.Answerer {
        @Override
        public void answer(String arguments) {
            if (!AgentEntry.answer(arguments)) {
                Warnings.warn("the channel answers requests only; '" + arguments + "' changes nothing.");
            }
        }
    }

    /** After recording started, as the per-object events are the recorder's. */
    private static void installJfr(boolean perObject) {
        try {
            JfrEvents.install(perObject);
        } catch (LinkageError | RuntimeException | ReflectiveOperationException e) {
            Warnings.warn("jfr: cannot register leaktrace's JFR events (" + e + "); is the jdk.jfr module in this"
                    + " runtime? Tracing goes on without them.");
        }
    }

    /** The header's word for a survivors log, which the analyser reads; nothing for {@code log: all}. */
    private static String logMode(LogSettings log) {
        return log.mode() == LogSettings.Mode.SURVIVORS ? " log=survivors survivorAge=" + log.survivorAgeMillis() + "ms" : "";
    }

    private static TraceConfig loadConfig(String arguments) throws ConfigException {
        AgentArguments parsed = AgentArguments.parse(arguments);
        String location = parsed.config();
        if (location == null) {
            throw new ConfigException("no config given. Start the JVM with "
                    + "-javaagent:leaktrace.jar=config=leaktrace.yaml (or -D" + AgentArguments.CONFIG_PROPERTY
                    + "=leaktrace.yaml).");
        }
        TraceConfig config = ConfigLoader.load(location);
        if (parsed.metrics() != null) {
            try {
                config = config.withLog(config.log().withMetrics(MetricsAddress.parse(parsed.metrics())));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("agent argument 'metrics': " + e.getMessage());
            }
        }
        return parsed.output() == null ? config : config.withOutput(parsed.output());
    }

    private static void onConfigError(ConfigException e, String arguments, boolean atStartup) {
        Warnings.warn("config error: " + e.getMessage());
        if (!atStartup || wantsWarnOnly(arguments)) {
            Warnings.warn("the application runs untraced (onConfigError: warn).");
            return;
        }
        Warnings.warn("stopping the JVM with exit code " + EXIT_CONFIG + " before main. Fix the config, or set"
                + " 'onConfigError: warn' (in the file or as an agent argument) to run untraced instead.");
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_CONFIG);
    }

    /** The mode may be set in a file that failed to parse, so the text is searched for it too. */
    private static boolean wantsWarnOnly(String arguments) {
        try {
            AgentArguments parsed = AgentArguments.parse(arguments);
            if ("warn".equals(parsed.onConfigError())) {
                return true;
            }
            String location = parsed.config();
            if (location != null && !location.startsWith(ConfigLoader.RECIPE_PREFIX)) {
                Path path = Path.of(location);
                // Compiled here, on the error path only: regular expressions cost start-up time.
                Pattern warnMode = Pattern.compile("(?m)^onConfigError\\s*:\\s*warn\\b");
                return Files.isRegularFile(path) && warnMode.matcher(Files.readString(path)).find();
            }
        } catch (ConfigException | IOException | RuntimeException ignored) {
            // fall through: the default is to stop
        }
        return false;
    }
}

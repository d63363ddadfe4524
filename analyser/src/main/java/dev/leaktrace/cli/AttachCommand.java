package dev.leaktrace.cli;

import dev.leaktrace.agent.config.ConfigException;
import dev.leaktrace.agent.config.ConfigLoader;
import dev.leaktrace.agent.config.TraceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "attach",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Loads the agent into a running JVM.",
            "Classes it loaded already are retransformed; objects it created before are unknown (releasing",
            "them prints nothing). Attaching to a JVM that is traced already changes nothing. Java 21 and",
            "later print a warning about dynamically loaded agents unless the JVM was started with",
            "-XX:+EnableDynamicAgentLoading."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:attached and tracing", "1:the JVM was traced already: nothing changed",
            "2:bad config, or the JVM could not be attached to"})
final class AttachCommand implements Callable<Integer> {
    private static final Set<String> STREAMS = Set.of("stderr", "stdout", "none");

    @Parameters(index = "0", paramLabel = "PID", description = "Process id of the running JVM.")
    String pid;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The leaktrace.yaml to trace with (or recipe:NAME).")
    String config;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where the JVM writes its lines (overrides the config's output; stderr, stdout, none or a path).")
    String output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TraceConfig checked;
        try {
            checked = ConfigLoader.load(config);
        } catch (ConfigException e) {
            err.println("leaktrace: config error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            Attacher.checkPid(pid);
            if (ManagementChannel.traced(pid)) {
                err.println("leaktrace: process " + pid + " is traced already; nothing changed.");
                return ExitCodes.GATE_FAILED;
            }
            // The target resolves paths against its own working directory: hand it absolute ones.
            String arguments = "config=" + absolute(config)
                    + (output != null ? ",output=" + absolute(output) : "");
            Attacher.attach(pid, arguments);
            String target = output != null ? output : checked.output() != null ? checked.output() : "stderr";
            out.println("attached to " + pid + ": tracing " + checked.types().size() + " type entries, lines to "
                    + target);
            return ExitCodes.OK;
        } catch (CommandFailure e) {
            err.println("leaktrace: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static String absolute(String location) {
        if (location.startsWith(ConfigLoader.RECIPE_PREFIX) || STREAMS.contains(location)) {
            return location;
        }
        return Path.of(location).toAbsolutePath().toString();
    }
}

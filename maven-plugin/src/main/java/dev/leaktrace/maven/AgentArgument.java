package dev.leaktrace.maven;

import java.nio.file.Path;

/** The {@code -javaagent:} argument for a test JVM's command line. */
final class AgentArgument {
    private AgentArgument() {
    }

    /** Quoted as a whole when a path holds a space, as Surefire splits its {@code argLine} at spaces otherwise. */
    static String of(Path jar, String config, Path log) {
        String argument = "-javaagent:" + jar + "=config=" + config + ",output=" + log.toAbsolutePath();
        return argument.indexOf(' ') >= 0 ? '"' + argument + '"' : argument;
    }
}

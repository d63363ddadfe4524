package dev.leaktrace.cli;

import java.io.File;
import java.net.URISyntaxException;

/** The jar this CLI runs from, which is also the agent to load into another JVM. */
final class AgentJar {
    private AgentJar() {
    }

    static File locate() throws CommandFailure {
        try {
            File file = new File(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!file.isFile() || !file.getName().endsWith(".jar")) {
                throw new CommandFailure("run this command from the jar: java -jar leaktrace.jar ... (found " + file
                        + ", which is not a jar)");
            }
            return file;
        } catch (URISyntaxException | SecurityException e) {
            throw new CommandFailure("cannot locate leaktrace.jar: " + e.getMessage());
        }
    }
}

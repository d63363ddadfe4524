package dev.leaktrace.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.bytebuddy.agent.ByteBuddyAgent;

/** Loads our jar into a running JVM with an agentmain argument, and reads answers it writes to a file. */
final class Attacher {
    private Attacher() {
    }

    static void attach(String pid, String arguments) throws CommandFailure {
        checkPid(pid);
        File jar = AttachJar.of(AgentJar.locate());
        try {
            ByteBuddyAgent.attach(jar, pid, arguments);
        } catch (RuntimeException | LinkageError e) {
            throw new CommandFailure("cannot attach to process " + pid + ": " + reason(e) + ". " + CHECK);
        }
    }

    /** What to check when attaching fails. */
    static final String CHECK = "Check that it is a running JVM of the same user, started from a JDK (not a bare JRE),"
            + " and without -XX:+DisableAttachMechanism.";

    /**
     * Attaches with {@code key=<answer>} and returns what the agent wrote there; the caller removes
     * the file, and what the agent wrote beside it.
     */
    static String askInto(String pid, String key, Path answer) throws CommandFailure {
        checkPid(pid);
        // A traced JVM answers over its management agent; loading the jar again would make
        // Java 21+ print a warning on the target's stderr for each command.
        if (!ManagementChannel.answer(pid, key + "=" + answer)) {
            attach(pid, key + "=" + answer);
        }
        if (!Files.exists(answer)) {
            throw new CommandFailure("process " + pid + " did not answer (see its stderr for 'leaktrace:' lines)");
        }
        try {
            return Files.readString(answer, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("cannot read the answer of process " + pid + ": " + e.getMessage());
        }
    }

    /** A PID is a positive number of a process that runs now; saying so beats the attach API's bare exception. */
    static void checkPid(String pid) throws CommandFailure {
        long number;
        try {
            number = Long.parseLong(pid);
        } catch (NumberFormatException e) {
            throw new CommandFailure("'" + pid + "' is not a process id; give the PID of a running JVM (see 'jps -l')");
        }
        if (number <= 0) {
            throw new CommandFailure("'" + pid + "' is not a process id; give the PID of a running JVM (see 'jps -l')");
        }
        if (ProcessHandle.of(number).isEmpty()) {
            throw new CommandFailure("no process " + pid + " is running; give the PID of a running JVM (see 'jps -l')");
        }
    }

    /** The most specific message in the cause chain; some attach failures carry none at all. */
    static String reason(Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return reason != null ? reason : root.getClass().getSimpleName();
    }

    /** Attaches with {@code key=<temp file>} and returns what the agent wrote there. */
    static String ask(String pid, String key) throws CommandFailure {
        Path answer;
        try {
            answer = Files.createTempFile("leaktrace-" + key, ".txt");
        } catch (IOException e) {
            throw new CommandFailure("cannot create a temporary file: " + e.getMessage());
        }
        try {
            Files.delete(answer);
            return askInto(pid, key, answer);
        } catch (IOException e) {
            throw new CommandFailure("cannot create a temporary file: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(answer);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}

package dev.leaktrace.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What {@code check} and {@code report} share: finding the logs {@code prepare-agent}'s tests wrote, and running the analyser on them. */
abstract class AnalysingMojo extends AbstractMojo {

    /** The logs to read: the same setting as {@code prepare-agent}'s ({@code %p} matches any process id). */
    @Parameter(property = "leaktrace.log", defaultValue = LogFiles.DEFAULT)
    private File log;

    /**
     * A log of an earlier run: {@code check} fails on a regression against it, {@code report}
     * shows it as "before" and this run as "after".
     */
    @Parameter(property = "leaktrace.baseline")
    File baseline;

    @Parameter(property = "leaktrace.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(property = "skipTests", defaultValue = "false", readonly = true)
    private boolean skipTests;

    @Parameter(property = "maven.test.skip", defaultValue = "false", readonly = true)
    private boolean skipTestCompilation;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("leaktrace: skipped (leaktrace.skip)");
            return;
        }
        LogFiles logs = new LogFiles(log.toPath());
        List<Path> found;
        try {
            found = logs.existing();
        } catch (IOException e) {
            throw new MojoExecutionException("leaktrace: cannot list " + logs.directory() + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            if (skipTests || skipTestCompilation) {
                getLog().info("leaktrace: skipped, the tests were skipped and wrote no log " + logs);
                return;
            }
            throw new MojoExecutionException("leaktrace: no log matches " + logs + "; did the tests run with "
                    + "prepare-agent's argLine? A Surefire or Failsafe <argLine> of your own must include @{argLine}");
        }
        analyse(found);
    }

    abstract void analyse(List<Path> logs) throws MojoExecutionException, MojoFailureException;

    /** Runs an analyser command; exit 1 (a gate) fails the build, exit 2 is an error in the build's setup. */
    final Analyser.Outcome run(List<String> args) throws MojoExecutionException, MojoFailureException {
        getLog().debug("leaktrace: " + String.join(" ", args));
        Analyser.Outcome outcome = Analyser.run(args);
        for (String line : outcome.out().split("\n", -1)) {
            if (!line.isEmpty()) {
                getLog().info(line);
            }
        }
        if (outcome.exit() == 1) {
            throw new MojoFailureException(outcome.err().strip() + "\n" + outcome.out().strip());
        }
        if (outcome.exit() != 0) {
            throw new MojoExecutionException(outcome.err().strip());
        }
        for (String line : outcome.err().split("\n", -1)) {
            if (!line.isEmpty()) {
                getLog().warn(line);
            }
        }
        return outcome;
    }

    static List<String> command(String name, List<Path> logs) {
        List<String> args = new ArrayList<>();
        args.add(name);
        for (Path log : logs) {
            args.add(log.toString());
        }
        return args;
    }

    /** The one log a two-run command compares; several forked JVMs' logs cannot be compared to one baseline. */
    static Path single(List<Path> logs, String what) throws MojoExecutionException {
        if (logs.size() != 1) {
            throw new MojoExecutionException("leaktrace: " + what + " compares one log with the baseline, but the tests "
                    + "wrote " + logs.size() + " (" + logs + "); run them in one JVM (forkCount 1, reuseForks true)");
        }
        return logs.get(0);
    }
}

package dev.leaktrace.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the tests leaked: {@code leaks} on their logs with {@code --fail-on-leak}
 * and {@code --budget}, and {@code diff --fail-on-regression} against a baseline log.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AnalysingMojo {

    /** Fail on any object leaked or collected without a drop. */
    @Parameter(property = "leaktrace.failOnLeak", defaultValue = "false")
    private boolean failOnLeak;

    /** A budget file (docs/analyser.md): fail on every type or site over its allowance. */
    @Parameter(property = "leaktrace.budget")
    private File budget;

    /** With a {@code baseline}: fail when a type or site is worse than in it, or new. */
    @Parameter(property = "leaktrace.failOnRegression", defaultValue = "true")
    private boolean failOnRegression;

    @Override
    void analyse(List<Path> logs) throws MojoExecutionException, MojoFailureException {
        List<String> leaks = command("leaks", logs);
        if (failOnLeak) {
            leaks.add("--fail-on-leak");
        }
        if (budget != null) {
            leaks.add("--budget");
            leaks.add(budget.getPath());
        }
        run(leaks);
        if (baseline != null) {
            List<String> diff = command("diff", List.of(baseline.toPath(), single(logs, "failOnRegression")));
            if (failOnRegression) {
                diff.add("--fail-on-regression");
            }
            run(diff);
        }
    }
}

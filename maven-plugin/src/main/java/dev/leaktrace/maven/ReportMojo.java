package dev.leaktrace.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes the analyser's HTML report of the tests' log, beside a baseline log when one is given. */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends AnalysingMojo {

    @Parameter(property = "leaktrace.report", defaultValue = "${project.build.directory}/leaktrace/report.html")
    private File outputFile;

    @Override
    void analyse(List<Path> logs) throws MojoExecutionException, MojoFailureException {
        List<Path> inputs = new ArrayList<>();
        if (baseline != null) {
            inputs.add(baseline.toPath());
            inputs.add(single(logs, "report"));
        } else {
            inputs.add(single(logs, "report"));
        }
        List<String> report = command("report", inputs);
        report.add("-o");
        report.add(outputFile.getPath());
        File parent = outputFile.getAbsoluteFile().getParentFile();
        if (!parent.isDirectory() && !parent.mkdirs()) {
            throw new MojoExecutionException("leaktrace: cannot create " + parent);
        }
        run(report);
        getLog().info("leaktrace: report written to " + outputFile);
    }
}

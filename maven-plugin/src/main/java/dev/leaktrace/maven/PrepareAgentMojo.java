package dev.leaktrace.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts the tests of this module under the agent: appends {@code -javaagent:...} to the property
 * Surefire and Failsafe read their {@code argLine} from (or to the one {@code propertyName} names),
 * and removes the logs of an earlier run, so {@code check} and {@code report} read this run only.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {
    private static final String AGENT_ARTIFACT = "dev.leaktrace:leaktrace";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifacts;

    /** The agent's YAML config (the agent argument {@code config}; {@code recipe:NAME} for a bundled recipe). */
    @Parameter(property = "leaktrace.config", defaultValue = "${project.basedir}/leaktrace.yaml")
    private String config;

    /** Where each test JVM writes its log; {@code %p} is its process id, so forked JVMs never share a file. */
    @Parameter(property = "leaktrace.log", defaultValue = LogFiles.DEFAULT)
    private File log;

    /** The property to append the agent to: {@code argLine} is read by Surefire and Failsafe. */
    @Parameter(property = "leaktrace.propertyName", defaultValue = "argLine")
    private String propertyName;

    @Parameter(property = "leaktrace.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("leaktrace: skipped (leaktrace.skip)");
            return;
        }
        Path jar = agentJar();
        LogFiles logs = new LogFiles(log.toPath());
        try {
            logs.deleteExisting();
        } catch (IOException e) {
            throw new MojoExecutionException("leaktrace: cannot remove the old logs in " + logs.directory()
                    + ": " + e.getMessage(), e);
        }
        String agent = AgentArgument.of(jar, configArgument(), log.toPath());
        Properties properties = project.getProperties();
        String old = properties.getProperty(propertyName);
        properties.setProperty(propertyName, old == null || old.isBlank() ? agent : old + " " + agent);
        getLog().info("leaktrace: " + propertyName + " set to " + properties.getProperty(propertyName));
    }

    /** {@code config} as a path when it names a file, as given for a recipe. */
    private String configArgument() throws MojoExecutionException {
        if (config.startsWith("recipe:")) {
            return config;
        }
        File file = new File(config);
        if (!file.isAbsolute()) {
            file = new File(project.getBasedir(), config);
        }
        if (!file.isFile()) {
            throw new MojoExecutionException("leaktrace: the config " + file + " does not exist; "
                    + "write one (see the README's \"The config file\") or set <config> to a file or recipe:NAME");
        }
        return file.getAbsolutePath();
    }

    /**
     * The plugin's own agent dependency, copied as {@code leaktrace.jar}: under that name the
     * manifest's {@code Boot-Class-Path} finds it and the test JVM starts sooner.
     */
    private Path agentJar() throws MojoExecutionException {
        Artifact artifact = pluginArtifacts.get(AGENT_ARTIFACT);
        if (artifact == null || artifact.getFile() == null) {
            throw new MojoExecutionException("leaktrace: the plugin's dependency " + AGENT_ARTIFACT
                    + " was not resolved; do not exclude it from the plugin");
        }
        Path copy = Path.of(project.getBuild().getDirectory(), "leaktrace", "leaktrace.jar");
        try {
            Path source = artifact.getFile().toPath();
            if (!Files.exists(copy) || Files.size(copy) != Files.size(source)
                    || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(source)) < 0) {
                Files.createDirectories(copy.getParent());
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("leaktrace: cannot copy the agent to " + copy + ": " + e.getMessage(), e);
        }
        return copy.toAbsolutePath();
    }
}

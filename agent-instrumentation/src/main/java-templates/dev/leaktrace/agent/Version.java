package dev.leaktrace.agent;

/**
 * The version of the build, filled in by Maven (src/main/java-templates). A constant rather than
 * the manifest's Implementation-Version: on the boot class path the JDK reads the manifest again
 * through file channels, some thirty classes of start-up.
 */
public final class Version {
    private static final String VERSION = "${project.version}";

    private Version() {
    }

    public static String current() {
        return VERSION;
    }
}

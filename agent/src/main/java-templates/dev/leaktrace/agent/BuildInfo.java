package dev.leaktrace.agent;

/** Values of the build, filled in by Maven (src/main/java-templates). */
final class BuildInfo {
    static final String VERSION = "${project.version}";

    private BuildInfo() {
    }
}

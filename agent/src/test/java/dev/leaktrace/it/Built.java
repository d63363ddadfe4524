package dev.leaktrace.it;

import java.nio.file.Path;

/** The paths of the build the ITs run on, as the failsafe configuration of agent/pom.xml passes them. */
public final class Built {
    /** agent/target/leaktrace.jar, the jar users run. */
    public static final Path AGENT_JAR = Path.of(required("leaktrace.jar"));
    /** The compiled test classes: the fixture programs' class path. */
    public static final Path TEST_CLASSES = Path.of(required("leaktrace.testClasses"));
    /** src/recipes of the project. */
    public static final Path RECIPES = Path.of(required("leaktrace.recipes"));
    /** src/monitoring: the Prometheus alert rules and the Grafana dashboard. */
    public static final Path MONITORING = Path.of(required("leaktrace.monitoring"));
    /** Libraries for the recipe ITs' fixtures, under fixed names (h2.jar). */
    public static final Path IT_LIBS = Path.of(System.getProperty("leaktrace.itLibs", "target/it-libs"));
    /** Libraries a reliability fixture brings along, one folder per fixture. */
    public static final Path APP_LIBS = Path.of(System.getProperty("leaktrace.appLibs", "target/app-libs"));

    private Built() {
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the ITs through Maven (mvn verify)");
        }
        return value;
    }
}

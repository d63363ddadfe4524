package dev.leaktrace.agent;

import dev.leaktrace.agent.jar.OwnJar;

/** The version from the jar manifest; "dev" when run from a build folder. */
public final class Version {
    private static volatile String current;

    private Version() {
    }

    /**
     * Read from the manifest by {@link OwnJar}, not from {@code Package.getImplementationVersion}:
     * for classes on the boot class path the JDK reads the manifest again through file channels,
     * some thirty classes of start-up.
     */
    public static String current() {
        String v = current;
        if (v == null) {
            v = OwnJar.manifestAttribute("Implementation-Version");
            current = v = v == null ? "dev" : v;
        }
        return v;
    }
}

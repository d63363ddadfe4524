package dev.leaktrace.agent;

/** The version from the jar manifest; "dev" when run from a build folder. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

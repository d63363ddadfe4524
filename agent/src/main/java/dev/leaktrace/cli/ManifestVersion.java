package dev.leaktrace.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar manifest by the build; "dev" when run from classes. */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"leaktrace " + (version == null ? "dev" : version)};
    }
}

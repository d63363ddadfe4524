package dev.leaktrace.cli;

import dev.leaktrace.agent.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version of the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"leaktrace " + Version.current()};
    }
}

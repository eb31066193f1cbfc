package org.streamfront.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, so the launcher and the jar always agree. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"StreamFront " + (version == null ? "development build" : version)};
    }
}

package org.streamfront.cli;

import org.streamfront.update.BuildInfo;
import picocli.CommandLine;

/** The version the build wrote in (see BuildInfo), so the launcher, the jar and `version` always agree. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"StreamFront " + BuildInfo.version()};
    }
}

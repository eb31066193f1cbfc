package org.streamfront.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The installed app as the benchmarks run it. */
public final class InstalledApp {
    /** The installed command and menu entry (packaging/linux/streamfront), when installed. */
    public static final Path COMMAND = Path.of("/usr/bin/streamfront");

    private InstalledApp() {
    }

    /** Its JVM options, as packaging/build-installer.sh hands them over (packaging/java-options). */
    public static List<String> options() throws Exception {
        return Files.readAllLines(Path.of("packaging/java-options")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}

package org.streamfront.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The C environment its launcher script sets (packaging/linux/streamfront) where the user has not. */
    public static Map<String, String> environment() throws Exception {
        Map<String, String> env = new HashMap<>();
        Matcher m = DEFAULTED.matcher(Files.readString(Path.of("packaging/linux/streamfront")));
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        if (env.isEmpty()) {
            throw new IllegalStateException("no variables found in the launcher script");
        }
        return env;
    }

    /** {@code NAME="${NAME:-value}"} at the start of a line: a variable the script sets unless the user did. */
    private static final Pattern DEFAULTED = Pattern.compile("(?m)^([A-Z_]+)=\"\\$\\{\\1:-([^}]*)}\"$");
}

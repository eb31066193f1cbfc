package org.streamfront.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The OS's per-user folders for StreamFront: its data (drafts, history, settings, secrets) and its
 * logs. Each OS's rule is a plain function of the OS name, the home folder and the environment, so
 * all three are tested on any OS.
 */
public final class AppDirs {
    private AppDirs() {
    }

    /** One computer as the rules see it. */
    public record Platform(String osName, Path home, Map<String, String> env) {
        public static Platform current() {
            return new Platform(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
        }

        boolean windows() {
            return osName.toLowerCase(Locale.ROOT).contains("win");
        }

        boolean mac() {
            return osName.toLowerCase(Locale.ROOT).contains("mac");
        }

        private Path envOr(String name, Path fallback) {
            String value = env.get(name);
            return value != null && !value.isBlank() ? Path.of(value) : fallback;
        }

        /** Windows: %APPDATA%\StreamFront (roams with the user); macOS: ~/Library/Application Support/StreamFront; else XDG data. */
        public Path dataHome() {
            if (windows()) {
                return envOr("APPDATA", home.resolve("AppData").resolve("Roaming")).resolve("StreamFront");
            }
            if (mac()) {
                return home.resolve("Library").resolve("Application Support").resolve("StreamFront");
            }
            return envOr("XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("streamfront");
        }

        /** Windows: %LOCALAPPDATA%\StreamFront\logs (stays on this computer); macOS: ~/Library/Logs/StreamFront; else XDG state. */
        public Path logHome() {
            if (windows()) {
                return envOr("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve("StreamFront").resolve("logs");
            }
            if (mac()) {
                return home.resolve("Library").resolve("Logs").resolve("StreamFront");
            }
            return envOr("XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve("streamfront").resolve("logs");
        }
    }

    /** {@code -Dstreamfront.home} wins (tests, portable use); else the platform's usual place. */
    public static Path dataHome() {
        Path override = override();
        return override != null ? override : Platform.current().dataHome();
    }

    /** Where the log files go: beside the data when {@code -Dstreamfront.home} is set, else the platform's place. */
    public static Path logHome() {
        Path override = override();
        return override != null ? override.resolve("logs") : Platform.current().logHome();
    }

    private static Path override() {
        String override = System.getProperty("streamfront.home");
        return override != null && !override.isBlank() ? Path.of(override) : null;
    }
}

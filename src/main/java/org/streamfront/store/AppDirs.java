package org.streamfront.store;

import java.nio.file.Path;

/** The OS's per-user folder for StreamFront's drafts, history and settings. */
public final class AppDirs {
    private AppDirs() {
    }

    /** {@code -Dstreamfront.home} wins (tests, portable use); else the platform's usual place. */
    public static Path dataHome() {
        String override = System.getProperty("streamfront.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("StreamFront");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/StreamFront");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("streamfront");
    }
}

package org.streamfront.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where data and logs go on each OS, decided the same way on any machine. */
class AppDirsTest {
    private static final Path HOME = Path.of("/home/ana");

    @Test
    void windowsKeepsDataInRoamingAndLogsOnThisComputer() {
        var win = new AppDirs.Platform("Windows 11", HOME, Map.of("APPDATA", "/c/Users/ana/AppData/Roaming", "LOCALAPPDATA", "/c/Users/ana/AppData/Local"));
        assertThat(win.dataHome()).isEqualTo(Path.of("/c/Users/ana/AppData/Roaming/StreamFront"));
        assertThat(win.logHome()).isEqualTo(Path.of("/c/Users/ana/AppData/Local/StreamFront/logs"));
        var bare = new AppDirs.Platform("Windows 10", HOME, Map.of());
        assertThat(bare.dataHome()).isEqualTo(HOME.resolve("AppData/Roaming/StreamFront"));
        assertThat(bare.logHome()).isEqualTo(HOME.resolve("AppData/Local/StreamFront/logs"));
    }

    @Test
    void macOsUsesApplicationSupportAndLibraryLogs() {
        var mac = new AppDirs.Platform("Mac OS X", HOME, Map.of("XDG_DATA_HOME", "/ignored"));
        assertThat(mac.dataHome()).isEqualTo(HOME.resolve("Library/Application Support/StreamFront"));
        assertThat(mac.logHome()).isEqualTo(HOME.resolve("Library/Logs/StreamFront"));
    }

    @Test
    void linuxFollowsXdgAndItsDefaults() {
        var linux = new AppDirs.Platform("Linux", HOME, Map.of());
        assertThat(linux.dataHome()).isEqualTo(HOME.resolve(".local/share/streamfront"));
        assertThat(linux.logHome()).isEqualTo(HOME.resolve(".local/state/streamfront/logs"));
        var xdg = new AppDirs.Platform("Linux", HOME, Map.of("XDG_DATA_HOME", "/data", "XDG_STATE_HOME", "/state", "APPDATA", "/ignored"));
        assertThat(xdg.dataHome()).isEqualTo(Path.of("/data/streamfront"));
        assertThat(xdg.logHome()).isEqualTo(Path.of("/state/streamfront/logs"));
        assertThat(new AppDirs.Platform("Linux", HOME, Map.of("XDG_STATE_HOME", " ")).logHome())
                .as("a blank variable counts as unset").isEqualTo(HOME.resolve(".local/state/streamfront/logs"));
    }
}

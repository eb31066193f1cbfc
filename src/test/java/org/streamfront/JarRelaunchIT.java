package org.streamfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code java -jar target/streamfront.jar}, as a developer starts it after {@code mvn package}: the
 * window's process maps the AOT cache the build recorded and runs with the installed app's options
 * (JarRelaunch) — the same process the user started, not a child it waits for.
 */
@EnabledOnOs(OS.LINUX)
class JarRelaunchIT {
    @Test
    void javaJarOpensTheWindowFromTheCacheRecordedAtPackage(@TempDir Path home) throws Exception {
        Path jar = Path.of("target/streamfront.jar").toAbsolutePath();
        Path cache = jar.resolveSibling(JarRelaunch.CACHE_NAME);
        assertThat(cache).as("recorded by mvn package").isRegularFile();
        ProcessBuilder start = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Headless", "-Dstreamfront.home=" + home, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile());
        start.environment().put("HOME", home.toString());
        Process app = start.start();
        try {
            Path log = home.resolve("logs/streamfront-0.log");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                assertThat(app.isAlive()).as("the app runs; it printed:\n" + Files.readString(home.resolve("out.txt"))).isTrue();
                return Files.exists(log) && Files.readString(log).contains("step shown: ACCOUNT");
            });
            Path proc = Path.of("/proc", Long.toString(app.pid()));
            assertThat(Files.readString(proc.resolve("maps"))).as("the cache is mapped").contains(cache.toString());
            assertThat(Files.readString(proc.resolve("cmdline")).split("\0"))
                    .as("the installed options, then the user's").contains("-XX:+UseSerialGC", "-Dglass.platform=Headless");
            assertThat(Files.readString(home.resolve("out.txt"))).as("what the terminal shows").doesNotContain("WARNING");
        } finally {
            app.destroyForcibly().waitFor();
        }
    }
}

package org.streamfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.bench.InstalledApp;

/** What {@code java -jar} relaunches with, and when it leaves the JVM the user started alone (JarRelaunchIT runs it). */
class JarRelaunchTest {
    private static final List<String> INSTALLED = List.of("-XX:+UseSerialGC", "-Xms32m");
    private static final JarRelaunch.CacheChoice CACHED = (jar, env) -> List.of("-XX:AOTCache=" + jar.resolveSibling("streamfront.aot"));

    @Test
    void theWindowRelaunchesWithTheInstalledOptionsTheCacheAndWhatTheUserGave() throws Exception {
        List<String> command = JarRelaunch.command(List.of("java", "-Dstreamfront.home=/tmp/h", "-jar", "lib/streamfront.jar", "--practice"),
                INSTALLED, Map.of(), true, CACHED);

        assertThat(command).containsExactly("java", "-XX:+UseSerialGC", "-Xms32m", "-XX:AOTCache=lib/streamfront.aot",
                "-Xlog:aot=off", "-Xlog:cds=off", "-Dstreamfront.home=/tmp/h", "-jar", "lib/streamfront.jar", "--practice");
    }

    @Test
    void withoutAGraphicsDeviceTheSoftwarePipelineIsChosenUnlessTheUserChoseOne() throws Exception {
        List<String> jar = List.of("java", "-jar", "streamfront.jar");
        assertThat(JarRelaunch.command(jar, INSTALLED, Map.of(), false, CACHED)).contains(JarRelaunch.SOFTWARE_PIPELINE);

        List<String> chosen = List.of("java", "-Dprism.order=es2", "-jar", "streamfront.jar");
        assertThat(JarRelaunch.command(chosen, INSTALLED, Map.of(), false, CACHED))
                .doesNotContain(JarRelaunch.SOFTWARE_PIPELINE).contains("-Dprism.order=es2");
        assertThat(JarRelaunch.command(jar, INSTALLED, Map.of("JDK_JAVA_OPTIONS", "-Dprism.order=es2"), false, CACHED))
                .doesNotContain(JarRelaunch.SOFTWARE_PIPELINE);
    }

    @Test
    void aJvmTunedByHandOrNotStartedWithAJarIsLeftAlone() throws Exception {
        for (List<String> cmdline : List.of(
                List.of("java", "-Xmx1g", "-jar", "streamfront.jar"),
                List.of("java", "-XX:+UseG1GC", "-jar", "streamfront.jar"),
                List.of("java", "-javaagent:agent.jar", "-jar", "streamfront.jar"),
                List.of("java", "@options", "-jar", "streamfront.jar"),
                List.of("java", "-cp", "streamfront.jar", "org.streamfront.Main"),
                List.of("java", "-jar"))) {
            assertThat(JarRelaunch.command(cmdline, INSTALLED, Map.of(), true, CACHED)).as(String.join(" ", cmdline)).isEmpty();
        }
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            assertThat(JarRelaunch.command(List.of("java", "-jar", "streamfront.jar"), INSTALLED, Map.of(variable, "-Xmx2g"), true, CACHED))
                    .as(variable).isEmpty();
        }
        assertThat(JarRelaunch.command(List.of("java", "-jar", "streamfront.jar"), INSTALLED, Map.of(), true, (jar, env) -> List.of()))
                .as("no cache").isEmpty();
    }

    @Test
    void onlyACacheAtLeastAsNewAsTheJarIsMapped(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("streamfront.jar"), "jar");
        assertThat(JarRelaunch.cacheOptions(jar, Map.of())).as("no cache yet").isEmpty();

        Path cache = Files.writeString(dir.resolve(JarRelaunch.CACHE_NAME), "cache");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(cache, FileTime.from(Instant.parse("2026-12-01T10:00:05Z")));
        assertThat(JarRelaunch.cacheOptions(jar, Map.of())).containsExactly("-XX:AOTCache=" + cache);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:01:00Z"))); // rebuilt since
        assertThat(JarRelaunch.cacheOptions(jar, Map.of())).isEmpty();

        assertThat(JarRelaunch.cacheOptions(jar, Map.of(JarRelaunch.RECORD_VARIABLE, "/tmp/new.aot")))
                .as("the build records a new one").startsWith("-XX:AOTCacheOutput=/tmp/new.aot");
    }

    @Test
    void theJarCarriesTheInstalledOptionsAndTheLauncherScriptsEnvironment() throws Exception {
        assertThat(JarRelaunch.installedOptions()).isEqualTo(InstalledApp.options()).contains("-XX:+UseSerialGC");

        Map<String, String> environment = JarRelaunch.environment(Map.of("PATH", "/usr/bin"), true);
        assertThat(environment).containsAllEntriesOf(InstalledApp.environment()).containsEntry("GDK_GL", "disable")
                .containsEntry("PATH", "/usr/bin");
        assertThat(JarRelaunch.environment(Map.of("MALLOC_ARENA_MAX", "8"), false))
                .as("what the user set is kept").containsEntry("MALLOC_ARENA_MAX", "8").doesNotContainKey("GDK_GL");
    }
}

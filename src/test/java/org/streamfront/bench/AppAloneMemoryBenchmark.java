package org.streamfront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.streamfront.plan.PlanJson;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.PracticeCommandProcess;

/**
 * Peak resident memory of the app alone through the real-mode flow, Account to 20 s of playing, with
 * nothing of the tests in its process. The app starts as a user starts it (the installed
 * {@code streamfront} command when there is one; {@code java -jar}, which relaunches itself with the
 * installed app's options, environment and an AOT cache recorded at package: JarRelaunch) on a private X server and is driven from outside with keys, as a keyboard user
 * does it (xdotool): Connect, Next to Review, Create, Next to Play once it opens, then 20 s of playing.
 * The simulators are the {@code practice} command's, in another process: the app reaches them through
 * the endpoint variables and signs in with a profile from a private credentials file; its draft holds
 * the practice origin. It knows where the app is from the app's own log: each step shown, the first
 * picture. Beside the peak, the CPU the app used over the 20 s of playing. Needs Debian's xvfb and xdotool.
 */
class AppAloneMemoryBenchmark {
    private static final int RUNS = 3;
    private static final String DISPLAY = ":58";

    @Test
    void peakMemoryOfTheAppAloneThroughTheRealModeFlow() throws Exception {
        Path jar = Path.of("target/streamfront.jar");
        assertThat(jar).as("run mvn package first (-Pbench verify does)").exists();
        List<String[]> rows = new ArrayList<>();
        try (PrivateXServer x = new PrivateXServer(DISPLAY); PracticeCommandProcess practice = PracticeCommandProcess.start(4)) {
            int originPort = URI.create(practice.endpoints.get("origin")).getPort();
            List<String> jarCommand = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
            Map<String, String> jarEnvironment = practice.variables;
            rows.add(row("java -jar (relaunched with the installed app's options and environment)",
                    measure(jarCommand, jarEnvironment, originPort)));
            List<String> appCommand = jarCommand;
            Map<String, String> appEnvironment = jarEnvironment;
            if (Files.isExecutable(InstalledApp.COMMAND)) {
                appCommand = List.of(InstalledApp.COMMAND.toString());
                appEnvironment = practice.variables;
                rows.add(row("installed streamfront command", measure(appCommand, appEnvironment, originPort)));
                // What turning JavaFX's region cache off on the software pipeline (SoftwareRendering) changed.
                Map<String, String> regionCache = new HashMap<>(appEnvironment);
                regionCache.put("JDK_JAVA_OPTIONS", "-Dprism.disableRegionCaching=false");
                rows.add(row("installed, with JavaFX's region cache on (as before 2026-12-02)", measure(appCommand, regionCache, originPort)));
            }
            BenchTable.print("Peak resident memory of the app alone, real mode on the practice command's simulators, Account to "
                            + "20 s of playing, driven from outside (median of " + RUNS + ")",
                    new String[] {"what", "median MB", "all runs", "target", "CPU playing, % of a core"}, rows);
            // One more run with the JVM's native memory tracking, to show where the memory goes.
            Map<String, String> tracked = new HashMap<>(appEnvironment);
            tracked.put("JDK_JAVA_OPTIONS", "-XX:NativeMemoryTracking=summary");
            String[] summary = new String[1];
            oneRun(appCommand, tracked, originPort, pid -> summary[0] = nativeMemory(pid));
            BenchTable.print("Where it goes, the JVM's own account at 20 s of playing (" + appCommand.getLast() + ", one run with "
                            + "native memory tracking); the rest of the resident memory is native: GTK, the media player, JavaFX's libraries",
                    new String[] {"what", "committed MB"}, NativeMemory.rows(summary[0]));
        }
    }

    /** The JVM's own account of its memory ({@code jcmd PID VM.native_memory summary}). */
    private static String nativeMemory(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "VM.native_memory", "summary").redirectErrorStream(true).start();
            // A summary is a few KB, well inside the pipe's buffer: waiting first gives the read a deadline.
            assertThat(jcmd.waitFor(30, TimeUnit.SECONDS)).as("jcmd answered").isTrue();
            return new String(jcmd.getInputStream().readAllBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] row(String what, List<Run> runs) {
        List<Double> peaks = runs.stream().map(Run::peakMb).toList();
        return new String[] {what, String.format("%.0f", BenchTable.median(peaks)), peaks.toString(), "<= 250",
                String.format("%.0f", BenchTable.median(runs.stream().map(Run::playingCpuPercent).toList()))};
    }

    /** One run's figures: its peak resident memory, and the CPU it used over the 20 s of playing. */
    private record Run(double peakMb, double playingCpuPercent) {
    }

    private static List<Run> measure(List<String> command, Map<String, String> simulators, int originPort) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(oneRun(command, simulators, originPort, pid -> { }));
        }
        return runs;
    }

    /** One run from a new user's folders, to 20 s of playing; {@code atPeak} may then look at the process too. */
    private static Run oneRun(List<String> command, Map<String, String> simulators, int originPort, LongConsumer atPeak)
            throws Exception {
        Path dir = Files.createTempDirectory("sf-alone");
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("streamfront"));
        Files.writeString(data.resolve("streamfront/draft.json"), PlanJson.write(PracticeWorld.examplePlan(originPort)));
        Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = AKIAEXAMPLEKEY000001\naws_secret_access_key = practice-secret\n");
        Files.writeString(dir.resolve("config"), "[default]\nregion = us-east-1\n");
        ProcessBuilder app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = app.environment();
        env.putAll(simulators);
        env.putAll(Map.of("DISPLAY", DISPLAY, "HOME", dir.toString(), "XDG_DATA_HOME", data.toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "AWS_REGION", "us-east-1",
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString(), "AWS_CONFIG_FILE", dir.resolve("config").toString()));
        Path log = dir.resolve("state/streamfront/logs/streamfront-0.log");
        Process p = app.start();
        try {
            String window = xdotool(Duration.ofSeconds(30), "search", "--sync", "--onlyvisible", "--name", "StreamFront").lines()
                    .findFirst().orElseThrow();
            xdotool(Duration.ofSeconds(5), "windowfocus", "--sync", window);
            keysUntilLogged(log, "signed in:", "alt+c"); // Connect, with the profile it found
            keysUntilLogged(log, "step shown: ORIGIN", "alt+n");
            keysUntilLogged(log, "step shown: CACHE", "alt+n");
            keysUntilLogged(log, "step shown: ERROR_PAGES", "alt+n");
            keysUntilLogged(log, "step shown: REVIEW", "alt+n");
            keysUntilLogged(log, "step shown: DEPLOY", "alt+r"); // Create distribution
            keysUntilLogged(log, "step shown: PLAY", "alt+n"); // opens when the edge serves the stream
            awaitLogged(log, "first picture after", Duration.ofSeconds(30));
            Duration cpuBefore = p.info().totalCpuDuration().orElseThrow();
            Thread.sleep(20_000); // a viewer watching: the memory of steady playback, not a timing
            Duration cpu = p.info().totalCpuDuration().orElseThrow().minus(cpuBefore);
            double peak = BenchTable.peakRssMb(p.pid());
            atPeak.accept(p.pid());
            return new Run(peak, cpu.toMillis() / 200.0);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Presses the keys, and again every two seconds, until the app logs the line (within a minute). */
    private static void keysUntilLogged(Path log, String line, String... keys) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!logged(log, line)) {
            assertThat(System.nanoTime()).as("the app logged \"" + line + "\"; its log:\n" + read(log)).isLessThan(deadline);
            for (String key : keys) {
                xdotool(Duration.ofSeconds(5), "key", key);
            }
            awaitLogged(log, line, Duration.ofSeconds(2));
        }
    }

    private static void awaitLogged(Path log, String line, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!logged(log, line) && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling a file another process writes
        }
    }

    private static boolean logged(Path log, String line) throws Exception {
        return read(log).contains(line);
    }

    private static String read(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String xdotool(Duration within, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", DISPLAY);
        Process p = builder.start();
        assertThat(p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)).as("xdotool " + String.join(" ", args)).isTrue();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as("xdotool " + String.join(" ", args) + " said: " + said).isZero();
        return said;
    }
}

package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.streamfront.bench.BenchTable;
import org.streamfront.bench.InstalledApp;
import org.streamfront.playback.PracticeEdge;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.testing.PracticeCommandProcess;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Peak resident memory of a whole run, Account to Play with the stream playing for 20 s: a child JVM
 * on a private X server (real windows, as a user sees them) walks the flow; its VmHWM is read from
 * /proc when it is done. Practice mode has the simulators in the app's process; the real-mode run
 * signs in with keys and reaches them in the {@code practice} command's process through the endpoint
 * variables. Each runs with the JVM's defaults (as {@code java -jar} does) and as the installed app
 * runs: the options from packaging/java-options, the environment its launcher script sets. Needs xvfb.
 */
class PracticeFlowMemoryBenchmark {
    private static final int RUNS = 3;

    @Test
    void peakMemoryThroughTheWholeFlow() throws Exception {
        List<String> installed = InstalledApp.options();
        Map<String, String> installedEnvironment = InstalledApp.environment();
        List<String[]> rows = new ArrayList<>();
        // What the flows below carry that the app does not: the test driver (TestFX, JUnit, AssertJ) on a bare window.
        rows.add(row("harness alone: TestFX and a bare JavaFX window, same class path, java -jar defaults",
                measure(HarnessOnly.class, List.of(), Map.of()), "-"));
        rows.add(row("harness alone, installed app's options and environment",
                measure(HarnessOnly.class, installed, installedEnvironment), "-"));
        rows.add(row("practice mode, simulators in process, java -jar defaults",
                measure(PracticeFlow.class, List.of(), Map.of()), "<= 300"));
        rows.add(row("practice mode, simulators in process, installed app's options and environment",
                measure(PracticeFlow.class, installed, installedEnvironment), "<= 300"));
        try (PracticeCommandProcess practice = PracticeCommandProcess.start(4)) {
            Map<String, String> env = new HashMap<>(practice.variables);
            env.put("AWS_REGION", "us-east-1");
            env.put("ORIGIN_PORT", String.valueOf(URI.create(practice.endpoints.get("origin")).getPort()));
            rows.add(row("real mode, simulators in the practice command's process, java -jar defaults",
                    measure(RealModeFlow.class, List.of(), env), "<= 250"));
            env.putAll(installedEnvironment);
            rows.add(row("real mode, simulators in the practice command's process, installed app's options and environment",
                    measure(RealModeFlow.class, installed, env), "<= 250"));
        }
        BenchTable.print("Peak resident memory, Account to Play with 20 s of playing (median of " + RUNS + "), and CPU while playing",
                new String[] {"what", "median MB", "all runs", "target", "CPU playing, % of a core"}, rows);
    }

    /** One run's figures: its peak resident memory, and the CPU it used over the 20 s of playing. */
    private record Run(double peakMb, double playingCpuPercent) {
    }

    private static String[] row(String what, List<Run> runs, String target) {
        List<Double> peaks = runs.stream().map(Run::peakMb).toList();
        return new String[] {what, String.format("%.0f", BenchTable.median(peaks)), peaks.toString(), target,
                String.format("%.0f", BenchTable.median(runs.stream().map(Run::playingCpuPercent).toList()))};
    }

    /** This JDK on the test class path, with the JVM options given. */
    private static List<String> javaCommand(List<String> options, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return command;
    }

    private static List<Run> measure(Class<?> flow, List<String> options, Map<String, String> env) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1366x768x24"));
            command.addAll(javaCommand(options, List.of("-Dstreamfront.home=" + Files.createTempDirectory("sf-mem"), flow.getName())));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            runs.add(new Run(reported(said, "PEAK_RSS_MB "), reported(said, "PLAYING_CPU_PERCENT ")));
        }
        return runs;
    }

    private static double reported(String said, String name) {
        return Double.parseDouble(said.lines().filter(l -> l.startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the flow did not finish: " + said)).substring(name.length()));
    }

    /** Lets the stream play as a viewer watching it would, then prints the process's peak memory. */
    private static void watchAndReport(AppDriver user) throws Exception {
        AppDriver.await(30, () -> user.text("#play-state").equals("Playing live"));
        reportAfterTwentySeconds();
    }

    /** The process's CPU over the next 20 s and its peak memory after them, as lines the parent reads. */
    private static void reportAfterTwentySeconds() throws Exception {
        Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        Thread.sleep(20_000); // a viewer watching: the memory and CPU of steady playback, not a timing
        Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
        System.out.println("PLAYING_CPU_PERCENT " + cpu.toMillis() / 200.0);
        System.out.println("PEAK_RSS_MB " + BenchTable.peakRssMb(ProcessHandle.current().pid()));
    }

    /**
     * The driver the flows run in, without the app: TestFX on a bare window, idle for the same 20 s.
     * A flow's figure less this one is what the app adds on top of a JVM with JavaFX and the driver;
     * both are printed, so that no reader takes the harness's share for the app's.
     */
    public static final class HarnessOnly {
        private HarnessOnly() {
        }

        public static void main(String[] args) throws Exception {
            SoftwareRendering.chooseWhenNoGpu();
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                stage.setScene(new Scene(new StackPane(new Label("bare window")), 1000, 700));
                stage.show();
            });
            AppDriver.await(10, () -> !new FxRobot().lookup(".label").queryAll().isEmpty());
            reportAfterTwentySeconds();
            System.exit(0);
        }
    }

    /** Practice mode as a user clicks through it, simulators in the same process. */
    public static final class PracticeFlow {
        private PracticeFlow() {
        }

        public static void main(String[] args) throws Exception {
            SoftwareRendering.chooseWhenNoGpu(); // as the app's launch does
            try (PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(4))) {
                AppDriver user = new AppDriver();
                user.startPractice(Path.of(System.getProperty("streamfront.home")), world);
                AppDriver.await(20, () -> user.text("#account-identity").contains("1234"));
                user.click("#nav-next");
                AppDriver.await(10, () -> user.text("#origin-domain").equals("localhost"));
                for (int i = 0; i < 3; i++) {
                    user.click("#nav-next");
                }
                AppDriver.await(10, () -> !user.lookup("#review-create").queryButton().isDisabled());
                user.click("#review-create");
                AppDriver.await(30, () -> user.text("#deploy-status").startsWith("Deployed"));
                user.click("#nav-next");
                watchAndReport(user);
            }
            System.exit(0);
        }
    }

    /** Real mode on simulators in another process, reached through the endpoint variables only. */
    public static final class RealModeFlow {
        private RealModeFlow() {
        }

        public static void main(String[] args) throws Exception {
            SoftwareRendering.chooseWhenNoGpu();
            Path home = Path.of(System.getProperty("streamfront.home"));
            AppDriver user = new AppDriver();
            user.startReal(home, null, null, PracticeEdge.fromEnvironment().orElseThrow());
            RealModeOnPracticeSimulatorsTest.realModeToPlay(user, home,
                    PracticeWorld.examplePlan(Integer.parseInt(System.getenv("ORIGIN_PORT"))));
            watchAndReport(user);
            System.exit(0);
        }
    }
}

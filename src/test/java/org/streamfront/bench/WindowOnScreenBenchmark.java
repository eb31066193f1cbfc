package org.streamfront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start-up and memory as a user meets them, measured from outside the process: a private X server
 * (Xvfb, 1366x768), an X event listener on its root window (xev) reporting the moment a top-level
 * window is mapped, and the process's peak resident memory (VmHWM) read from /proc. StreamFront by
 * {@code java -jar} (which on Linux relaunches itself with the installed options and the AOT cache
 * {@code mvn package} recorded: JarRelaunch; the relaunch's cost is in the figure), a bare JavaFX window started the same way (and once more with the software
 * pipeline chosen up front, as StreamFront does without a GPU), and the installed launcher when
 * present, alternating. Needs Debian's xvfb and x11-utils.
 */
class WindowOnScreenBenchmark {
    private static final int RUNS = 7;
    private static final String DISPLAY = ":57";

    @Test
    void windowOnScreenFromOutside() throws Exception {
        Path jar = Path.of("target/streamfront.jar");
        assertThat(jar).as("run mvn package first (-Pbench verify does)").exists();
        Process xev = null;
        try (PrivateXServer x = new PrivateXServer(DISPLAY)) {
            BlockingQueue<Long> maps = new LinkedBlockingQueue<>();
            xev = new ProcessBuilder("xev", "-display", DISPLAY, "-root", "-event", "substructure").redirectErrorStream(true).start();
            Process listening = xev;
            Thread.ofPlatform().daemon().start(() -> readMaps(listening, maps));
            Thread.sleep(200); // xev has no "listening" line to wait for: its first events are not needed
            Path home = Files.createTempDirectory("sf-bench-x");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String bareCp = "target/test-classes" + File.pathSeparator + "target/lib/*";
            Path installed = InstalledApp.COMMAND;
            List<double[]> app = new ArrayList<>();
            List<double[]> bare = new ArrayList<>();
            List<double[]> launcher = new ArrayList<>();
            List<double[]> bareSoftware = new ArrayList<>();
            ProcessBuilder appRun = new ProcessBuilder(java, "-Dstreamfront.home=" + home, "-jar", jar.toString(), "--practice");
            ProcessBuilder bareRun = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", bareCp,
                    "org.streamfront.bench.BareWindow");
            // Like for like: a bare window that skips the OpenGL probe as StreamFront does on a computer without a GPU.
            ProcessBuilder bareSoftwareRun = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dprism.order=sw",
                    "-cp", bareCp, "org.streamfront.bench.BareWindow");
            bareSoftwareRun.environment().put("GDK_GL", "disable");
            ProcessBuilder installedRun = new ProcessBuilder(installed.toString(), "--practice");
            installedRun.environment().put("HOME", Files.createTempDirectory("sf-bench-home").toString()); // a private home, as the jar's
            timeToWindow(appRun, maps);
            timeToWindow(bareRun, maps);
            for (int i = 0; i < RUNS; i++) {
                app.add(timeToWindow(appRun, maps));
                bare.add(timeToWindow(bareRun, maps));
                bareSoftware.add(timeToWindow(bareSoftwareRun, maps));
                if (Files.isExecutable(installed)) {
                    launcher.add(timeToWindow(installedRun, maps));
                }
            }
            double a = median(app, 0);
            double b = median(bare, 0);
            List<String[]> rows = new ArrayList<>(List.of(
                    row("StreamFront, java -jar", app),
                    row("bare JavaFX window, same way", bare),
                    new String[] {"ratio jar / bare (target <= 1.25)", String.format("%.2f", a / b), "", ""},
                    row("bare JavaFX window, software pipeline without the OpenGL probe", bareSoftware),
                    new String[] {"ratio jar / that bare window", String.format("%.2f", a / median(bareSoftware, 0)), "", ""}));
            if (!launcher.isEmpty()) {
                rows.add(row("StreamFront, installed launcher", launcher));
                rows.add(new String[] {"installed / jar (target < 1)", String.format("%.2f", median(launcher, 0) / a), "", ""});
                rows.add(new String[] {"installed / bare window (target <= 0.60)", String.format("%.2f", median(launcher, 0) / b), "", ""});
                rows.add(new String[] {"installed size, du -sh /opt/streamfront (target <= 100 MB)", du("/opt/streamfront"), "", ""});
                for (String[] part : INSTALLED_PARTS) {
                    rows.add(new String[] {"  of which " + part[0], du(part[1]), "", ""});
                }
            }
            BenchTable.print("Window on screen, seen from outside (Xvfb 1366x768, median of " + RUNS + ")",
                    new String[] {"what", "ms to window", "peak RSS MB", "all runs (ms)"}, rows);
        } finally {
            if (xev != null) {
                xev.destroyForcibly();
            }
        }
    }

    /** The installed app's largest parts, for weighing size against start-up (see the README). */
    private static final String[][] INSTALLED_PARTS = {
        {"the AOT cache written at install", "/opt/streamfront/lib/app/streamfront.aot"},
        {"the JVM, libjvm.so", "/opt/streamfront/lib/runtime/lib/server/libjvm.so"},
        {"the JDK's modules", "/opt/streamfront/lib/runtime/lib/modules"},
        {"the application's jars and JavaFX's native libraries", "/opt/streamfront/lib/app/lib"},
    };

    /** What a file or folder of the installed app takes on disk, as du counts it (the AOT cache included). */
    private static String du(String path) throws Exception {
        Process du = new ProcessBuilder("du", "-sh", path).redirectErrorStream(true).start();
        String said = new String(du.getInputStream().readAllBytes()).trim();
        du.waitFor();
        return said.split("\\s+")[0];
    }

    private static String[] row(String what, List<double[]> runs) {
        return new String[] {what, String.format("%.0f", median(runs, 0)), String.format("%.0f", median(runs, 1)),
                runs.stream().map(r -> String.format("%.0f", r[0])).toList().toString()};
    }

    private static double median(List<double[]> runs, int column) {
        return BenchTable.median(runs.stream().map(r -> r[column]).toList());
    }

    /** Each top-level window mapped on the root (not override-redirect: menus and tooltips do not count). */
    private static void readMaps(Process xev, BlockingQueue<Long> maps) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(xev.getInputStream()))) {
            boolean inMap = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("MapNotify event")) {
                    inMap = true;
                } else if (inMap && line.contains("override NO")) {
                    maps.add(System.nanoTime());
                    inMap = false;
                } else if (inMap && line.contains("override YES")) {
                    inMap = false;
                }
            }
        } catch (IOException ended) {
            // the benchmark is over
        }
    }

    /** Milliseconds from start to the window being mapped, and the peak resident memory (MB) by then. */
    private static double[] timeToWindow(ProcessBuilder run, BlockingQueue<Long> maps) throws Exception {
        maps.clear();
        run.environment().put("DISPLAY", DISPLAY);
        run.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = run.start();
        Long mapped = maps.poll(60, TimeUnit.SECONDS);
        assertThat(mapped).as(String.join(" ", run.command()) + " showed no window").isNotNull();
        double rss = BenchTable.peakRssMb(p.pid());
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        return new double[] {(mapped - start) / 1e6, rss};
    }
}

package org.streamfront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cold start to the first interactive screen: StreamFront (java -jar target/streamfront.jar) next
 * to a bare JavaFX window on the same class path, each a new JVM, alternating, on the headless platform.
 */
class StartupBenchmark {
    private static final int RUNS = 7;

    @Test
    void startUpAgainstABareWindow() throws Exception {
        Path jar = Path.of("target/streamfront.jar");
        assertThat(jar).as("run mvn package first (-Pbench verify does)").exists();
        String cp = jar + File.pathSeparator + "target/lib/*" + File.pathSeparator + "target/test-classes";
        Path home = Files.createTempDirectory("sf-bench");
        Path installed = Path.of("/usr/bin/streamfront"); // the installed command and menu entry
        List<Double> app = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> launcher = new ArrayList<>();
        timed(cp, home, "org.streamfront.Main");
        timed(cp, home, "org.streamfront.bench.BareWindow");
        for (int i = 0; i < RUNS; i++) {
            app.add(timed(cp, home, "org.streamfront.Main"));
            bare.add(timed(cp, home, "org.streamfront.bench.BareWindow"));
            if (Files.isExecutable(installed)) {
                launcher.add(timed(new ProcessBuilder(installed.toString(), "--smoke-test")));
            }
        }
        double a = BenchTable.median(app);
        double b = BenchTable.median(bare);
        List<String[]> rows = new ArrayList<>(List.of(
                new String[] {"StreamFront (java -jar)", String.format("%.0f", a), app.toString()},
                new String[] {"bare JavaFX window (same way)", String.format("%.0f", b), bare.toString()},
                new String[] {"ratio (target <= 1.25)", String.format("%.2f", a / b), ""}));
        if (!launcher.isEmpty()) {
            rows.add(new String[] {"StreamFront installed (.deb launcher)", String.format("%.0f", BenchTable.median(launcher)),
                    launcher.toString()});
        }
        BenchTable.print("Cold start to first interactive screen (median of " + RUNS + ", ms)",
                new String[] {"what", "median ms", "all runs"}, rows);
    }

    private static double timed(String cp, Path home, String main) throws Exception {
        return timed(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Dstreamfront.benchmark.startup=true", "-Dstreamfront.home=" + home, "-cp", cp, main));
    }

    private static double timed(ProcessBuilder pb) throws Exception {
        pb.redirectErrorStream(true);
        String main = String.join(" ", pb.command());
        long start = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("STREAMFRONT_SHOWN")) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    p.waitFor(20, TimeUnit.SECONDS);
                    return Math.round(ms * 10) / 10.0;
                }
            }
        }
        throw new AssertionError(main + " never showed its window");
    }
}

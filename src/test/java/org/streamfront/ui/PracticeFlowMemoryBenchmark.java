package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.streamfront.bench.BenchTable;
import org.streamfront.sim.PracticeWorld;

/**
 * Peak resident memory of a whole practice run, Account to Play with the stream playing for 20 s,
 * simulators in the same process: a child JVM on a private X server (real windows, as a user
 * sees them) walks the flow; its VmHWM is read from /proc when it is done. Needs xvfb.
 */
class PracticeFlowMemoryBenchmark {
    @Test
    void peakMemoryThroughTheWholePracticeFlow() throws Exception {
        List<Double> peaks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process p = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1366x768x24",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Dstreamfront.home=" + Files.createTempDirectory("sf-mem"),
                    "-cp", System.getProperty("java.class.path"), Flow.class.getName())
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String peak = said.lines().filter(l -> l.startsWith("PEAK_RSS_MB ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the flow did not finish: " + said));
            peaks.add(Double.parseDouble(peak.substring(12)));
        }
        BenchTable.print("Peak resident memory, practice flow Account to Play (20 s playing), simulators in process",
                new String[] {"what", "median MB", "all runs", "target"},
                List.<String[]>of(new String[] {"StreamFront practice flow", String.format("%.0f", BenchTable.median(peaks)),
                        peaks.toString(), "<= 300"}));
    }

    /** The child: clicks through the flow as a user would, lets the stream play, prints its peak memory. */
    public static final class Flow {
        private Flow() {
        }

        public static void main(String[] args) throws Exception {
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
                AppDriver.await(30, () -> user.text("#play-state").equals("Playing live"));
                Thread.sleep(20_000); // a viewer watching: the memory of steady playback, not a timing
                System.out.println("PEAK_RSS_MB " + BenchTable.peakRssMb(ProcessHandle.current().pid()));
            }
            System.exit(0);
        }
    }
}

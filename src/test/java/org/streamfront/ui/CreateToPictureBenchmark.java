package org.streamfront.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.streamfront.bench.BenchTable;
import org.streamfront.sim.PracticeWorld;

/**
 * From the click on Create to the first picture on the Play step, in practice mode, with a 60 s
 * simulated deployment whose edge serves after 5 s, the user clicking Next as soon as it opens:
 * now (Next opens once the edge serves the stream) against waiting for Deployed (as before), each
 * run driving the real app.
 */
class CreateToPictureBenchmark {
    private static final Duration DEPLOY = Duration.ofSeconds(60);
    private static final Duration EDGE = Duration.ofSeconds(5);

    @Test
    void createToFirstPicture() throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(run(false));
        rows.add(run(true));
        BenchTable.print("Create to the first picture, practice mode, deployment 60 s, edge serving after 5 s (s)",
                new String[] {"the user clicks Next", "Next opened after", "first picture after", "target"}, rows);
    }

    private static String[] run(boolean waitForDeployed) throws Exception {
        Path home = Files.createTempDirectory("sf-bench");
        AppDriver user = new AppDriver();
        try (PracticeWorld world = PracticeWorld.start(DEPLOY, EDGE)) {
            user.startPractice(home, world);
            AppDriver.await(20, () -> user.text("#account-identity").contains("1234-5678-9012"));
            user.click("#nav-next");
            AppDriver.await(10, () -> user.text("#origin-domain").equals("localhost"));
            for (int i = 0; i < 3; i++) {
                user.click("#nav-next");
            }
            AppDriver.await(10, () -> !user.<Button>node("#review-create").isDisabled());
            long t0 = System.nanoTime();
            user.click("#review-create");
            AppDriver.await(120, () -> waitForDeployed ? user.text("#deploy-status").startsWith("Deployed")
                    : !user.<Button>node("#nav-next").isDisabled());
            double next = (System.nanoTime() - t0) / 1e9;
            user.click("#nav-next");
            AppDriver.await(60, () -> user.text("#play-state").equals("Playing live"));
            double picture = (System.nanoTime() - t0) / 1e9;
            return new String[] {waitForDeployed ? "once it says Deployed (before)" : "as soon as it opens (now)",
                    String.format("%.1f", next), String.format("%.1f", picture), waitForDeployed ? "-" : "< 10"};
        } finally {
            user.stop();
        }
    }
}

package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.PracticeWorld;
import org.testfx.util.WaitForAsyncUtils;

/** The audience panel in practice mode: simulated viewers watch, CloudWatch's figures come back as charts. */
class AudienceViewTest {
    private static final Pattern ABOUT = Pattern.compile("About ([\\d,]+) viewers now");
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    private double highestRequests() throws Exception {
        LineChart<Number, Number> chart = user.node("#audience-requests-chart");
        return WaitForAsyncUtils.asyncFx(() -> chart.getData().getFirst().getData().stream()
                .mapToDouble(d -> d.getYValue().doubleValue()).max().orElse(0)).get();
    }

    private int requestPoints() throws Exception {
        LineChart<Number, Number> chart = user.node("#audience-requests-chart");
        return WaitForAsyncUtils.asyncFx(() -> chart.getData().getFirst().getData().size()).get();
    }

    /** Shown on screen: the node and every parent visible. */
    private boolean shown(String query) {
        return AppDriver.onFx(() -> {
            var found = user.lookup(query).tryQuery();
            if (found.isEmpty()) {
                return false;
            }
            for (javafx.scene.Node n = found.get(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private double estimatedViewers() {
        Matcher m = ABOUT.matcher(user.text("#audience-viewers"));
        return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : -1;
    }

    @Test
    void simulatedViewersShowUpInTheChartsAndTheEstimate() throws Exception {
        PlayStepTest.toPlay(user, home, world);
        TitledPane panel = user.node("#play-audience");
        user.click("#play-audience .title");
        assertThat(panel.isExpanded()).isTrue();
        AppDriver.await(5, () -> shown("#audience-simulated"));
        // Two clicks of ten: twenty simulated players join the Play step's own.
        user.click("#audience-simulated .increment-arrow-button");
        user.click("#audience-simulated .increment-arrow-button");
        int simulated = 20;
        AppDriver.await(10, () -> world.viewers.total() == simulated);

        AppDriver.await(60, () -> shown("#audience-requests-chart") && highestRequests() > 0);
        // The estimate settles once its periods are all from after the viewers joined.
        AppDriver.await(90, () -> Math.abs(estimatedViewers() - (simulated + 1)) <= 0.2 * simulated);
        int points = requestPoints();
        AppDriver.await(30, () -> requestPoints() >= points + 2);
        assertThat(estimatedViewers()).as(user.text("#audience-viewers")).isBetween(0.8 * simulated, 1.2 * simulated + 1);
        assertThat(user.text("#audience-viewers")).contains("estimate");
        assertThat(WaitForAsyncUtils.asyncFx(panel::getText).get()).as("the collapsed panel still says it").contains("viewers");

        // The server's share needs the cache hit rate: turned on from the panel, it arrives with the next figures.
        assertThat(user.text("#audience-origin-share")).contains("cache hit rate");
        user.click("#audience-turn-on-hit-rate");
        AppDriver.await(30, () -> user.text("#audience-origin-share").matches("Your server serves \\d+% of the requests.*"));
    }

    @Test
    void withoutTheCloudWatchPermissionThePanelSaysWhichAndThePictureStillPlays() throws Exception {
        world.api.deny("GetMetricData");
        PlayStepTest.toPlay(user, home, world);
        user.click("#play-audience .title");
        AppDriver.await(20, () -> user.text("#audience-status").contains("cloudwatch:GetMetricData"));
        assertThat(user.text("#audience-policy-line")).contains("cloudwatch:GetMetricData");
        assertThat(shown("#audience-requests-chart")).as("no charts of figures that could not be read").isFalse();
        AppDriver.await(20, () -> PlayStepTest.showsVideo(user));
    }
}

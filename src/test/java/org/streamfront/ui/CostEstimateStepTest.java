package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.chart.BarChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.cost.Prices;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.ui.wizard.Step;
import org.testfx.util.WaitForAsyncUtils;

/** Review's cost estimate in practice mode: the measured bitrate in, a month out, bad numbers refused at the field. */
class CostEstimateStepTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    private void toReview() throws Exception {
        user.startPractice(home, world);
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234-5678-9012"));
        user.click("#nav-next");
        AppDriver.await(5, () -> user.text("#origin-domain").equals("localhost"));
        // The server check weighs the practice stream; the estimate starts from that figure.
        AppDriver.await(20, () -> user.lookup("#check-bitrate").tryQuery().isPresent());
        for (int i = 0; i < 3; i++) {
            user.click("#nav-next");
        }
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.REVIEW);
        user.click("#review-estimate .title");
    }

    @Test
    void theMeasuredBitrateAndTheAudienceMakeAMonthWithBarsByRegion() throws Exception {
        toReview();
        assertThat(Double.parseDouble(user.text("#estimate-bitrate"))).as("measured practice stream, Mbit/s").isBetween(0.2, 0.45);
        user.type("#estimate-viewers", "5000");
        user.type("#estimate-hours", "3");
        user.type("#estimate-events", "8");
        user.type("#estimate-bitrate", "2.5");
        // 5,000 × 3 h × 8 = 120,000 viewer-hours at 2.5 Mbit/s: 125,729 GB, far past the free allowance.
        assertThat(user.text("#estimate-per-viewer-hour")).contains("120,000 viewer-hours");
        assertThat(user.text("#estimate-total")).startsWith("About $").endsWith("a month");
        javafx.scene.layout.VBox breakdown = user.node("#estimate-breakdown");
        assertThat(WaitForAsyncUtils.asyncFx(() -> breakdown.getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList()).get())
                .anySatisfy(line -> assertThat(line).contains("125,729 GB"))
                .anySatisfy(line -> assertThat(line).contains("million requests"));
        BarChart<Number, String> chart = user.node("#estimate-chart");
        int bars = WaitForAsyncUtils.asyncFx(() -> chart.getData().getFirst().getData().size()).get();
        assertThat(bars).isEqualTo(Prices.Region.values().length);
        assertThat(user.text("#estimate-note")).contains("aws.amazon.com/cloudfront/pricing").contains("Billing");
    }

    @Test
    void badNumbersAreRefusedNextToTheirFieldAndTheEstimateWaits() throws Exception {
        toReview();
        user.type("#estimate-viewers", "0");
        assertThat(user.text("#estimate-viewers-error")).contains("between 1 and");
        user.type("#estimate-viewers", "100");
        user.type("#estimate-hours", "lots");
        assertThat(user.text("#estimate-hours-error")).contains("hours");
        assertThat(user.text("#estimate-total")).contains("Fill in");
        user.type("#estimate-hours", "2");
        user.type("#estimate-events", "45");
        assertThat(user.text("#estimate-events-error")).contains("between 1 and 31");
        user.type("#estimate-events", "4");
        assertThat(user.text("#estimate-total")).startsWith("About $");
    }
}

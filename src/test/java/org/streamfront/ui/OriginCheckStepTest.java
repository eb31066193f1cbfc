package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.media.MediaView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.playback.HeadlessPlayer;
import org.streamfront.sim.PracticeWorld;
import org.streamfront.ui.wizard.Step;
import org.testfx.util.WaitForAsyncUtils;

/** The origin check and the stream picker on the Origin step, and its warnings on Review. */
class OriginCheckStepTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    @Test
    void theCheckRunsByItselfOffersLiveStreamsAndItsWarningsReachReview() throws Exception {
        world.origin.startStream(PracticeWorld.APPLICATION, "backstage");
        user.startPractice(home, world);
        AppDriver.await(10, () -> user.text("#account-identity").contains("1234"));
        user.click("#nav-next");
        AppDriver.await(10, () -> user.text("#origin-checks #check-application").contains("exists"));
        assertThat(user.text("#origin-checks #check-dns")).contains("cannot reach it");
        assertThat(user.text("#origin-checks #check-streams")).contains("2 live now").contains("backstage");

        user.click("#origin-live-backstage");
        assertThat(user.text("#stream-id")).isEqualTo("backstage");

        user.type("#origin-application .text-field", "WebRTCAppXX");
        AppDriver.await(10, () -> user.text("#origin-checks #check-application").contains("no application"));
        assertThat(user.text("#origin-checks #check-application")).contains("WebRTCAppEE");

        user.type("#origin-application .text-field", "WebRTCAppEE");
        AppDriver.await(10, () -> user.text("#origin-checks #check-application").contains("exists"));
        for (int i = 0; i < 3; i++) {
            user.click("#nav-next");
        }
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.REVIEW);
        AppDriver.await(10, () -> user.text("#review-warnings #check-dns").contains("cannot reach it"));
    }

    @Test
    void anEmptyMediaViewIsNotTakenForAPicture() throws Exception {
        user.startPractice(home, world);
        MediaView empty = WaitForAsyncUtils.asyncFx(() -> new MediaView()).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> HeadlessPlayer.hasPicture(empty)).get()).isFalse();
    }
}

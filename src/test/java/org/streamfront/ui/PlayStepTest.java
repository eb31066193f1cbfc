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

/** The whole practice flow, Account to Play, ending with real video frames from the simulated edge. */
class PlayStepTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    private boolean showsVideo() throws Exception {
        return showsVideo(user);
    }

    static boolean showsVideo(AppDriver user) throws Exception {
        MediaView video = user.node("#play-video");
        return WaitForAsyncUtils.asyncFx(() -> video.getMediaPlayer() != null && HeadlessPlayer.hasPicture(video)).get();
    }

    private void toPlay() throws Exception {
        toPlay(user, home, world);
    }

    /** Account to Play in practice mode, as a user clicks through it. */
    static void toPlay(AppDriver user, Path home, PracticeWorld world) throws Exception {
        user.deployInPractice(home, world);
        user.click("#nav-next");
        assertThat(user.app.root().wizard().current().get()).isEqualTo(Step.PLAY);
    }

    @Test
    void theStreamPlaysThroughTheCdnWithRealFramesAndTheChecksAreGreen() throws Exception {
        toPlay();
        assertThat(user.text("#play-url")).startsWith("http://127.0.0.1:").endsWith("/streams/stream1.m3u8");
        AppDriver.await(20, this::showsVideo);
        AppDriver.await(10, () -> user.text("#play-state").equals("Playing live"));
        assertThat(user.text("#play-first-frame")).startsWith("First picture after");
        assertThat(user.lookup(".viewport").<javafx.scene.Node>queryAll()).as("each video frame drawn once, not into a cached page image first")
                .isNotEmpty().noneMatch(javafx.scene.Node::isCache);

        user.click("#play-run-checks");
        AppDriver.await(20, () -> user.lookup("#play-checks-cdn #check-cors").tryQuery().isPresent()
                && user.lookup("#play-checks-origin #check-cors").tryQuery().isPresent());
        assertThat(user.text("#play-checks-cdn #check-cache")).contains("from its cache");
        assertThat(user.text("#play-checks-cdn #check-advances")).contains("live");
        assertThat(user.lookup("#play-checks-origin #check-cache").tryQuery()).as("no CDN, no cache line").isEmpty();
    }

    @Test
    void thePlayerAsksCloudFrontAboutOnceASecondNotAsFastAsItCan() throws Exception {
        String id = user.deployInPractice(home, world);
        user.click("#nav-next");
        AppDriver.await(20, () -> user.text("#play-state").equals("Playing live"));
        var metrics = new org.streamfront.audience.AudienceMetrics(new org.streamfront.aws.AwsSession("practice",
                PracticeWorld.CREDENTIALS, world.api.uri()), org.streamfront.aws.Retry.standard());
        java.util.concurrent.atomic.AtomicReference<java.util.List<org.streamfront.audience.Traffic.Point>> periods =
                new java.util.concurrent.atomic.AtomicReference<>();
        AppDriver.await(40, () -> {
            periods.set(metrics.read(id, Duration.ofMinutes(2), 5, (a, b, c, d) -> { }).requests());
            return periods.get().size() >= 5;
        });
        // The newest periods, after start-up: a playlist reload a second and a segment every 2 s is 7.5 per 5 s.
        var steady = periods.get().subList(periods.get().size() - 3, periods.get().size() - 1);
        assertThat(steady).allSatisfy(p -> assertThat(p.value()).isLessThanOrEqualTo(12));
        AppDriver.await(10, this::showsVideo);
    }

    @Test
    void theWatchdogSeesAStoppedStreamAndRecoversWhenItComesBack() throws Exception {
        toPlay();
        AppDriver.await(20, () -> user.text("#play-state").equals("Playing live"));
        world.origin.stopStream(PracticeWorld.APPLICATION, PracticeWorld.STREAM);
        AppDriver.await(40, () -> user.text("#play-state").startsWith("The stream stopped"));
        world.origin.startStream(PracticeWorld.APPLICATION, PracticeWorld.STREAM);
        AppDriver.await(60, () -> user.text("#play-state").equals("Playing live"));
        AppDriver.await(10, this::showsVideo);
    }

    @Test
    void aStreamThatIsNotLiveSaysWhatToCheck() throws Exception {
        toPlay();
        user.type("#play-stream-id", "nobody");
        user.click("#play-play");
        AppDriver.await(10, () -> user.text("#play-problem").contains("not live yet"));
        assertThat(user.text("#play-problem")).contains("rtmp://YOUR-SERVER/WebRTCAppEE/nobody");
    }
}

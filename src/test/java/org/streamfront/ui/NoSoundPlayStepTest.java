package org.streamfront.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.image.Image;
import javafx.scene.media.MediaView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.sim.PracticeWorld;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Play step on a computer with no sound output. The build runs this class in its own JVM whose
 * sound server address leads nowhere (PULSE_SERVER), so JavaFX cannot open an audio device, as on
 * a Linux machine without a sound server: the picture must still play, with one line saying why it
 * is silent.
 */
@Tag("no-sound")
class NoSoundPlayStepTest {
    @TempDir
    Path home;
    final AppDriver user = new AppDriver();
    final PracticeWorld world = PracticeWorld.start(Duration.ofSeconds(2));

    @AfterEach
    void close() throws Exception {
        user.stop();
        world.close();
    }

    private Image frame() throws Exception {
        MediaView video = user.node("#play-video");
        return WaitForAsyncUtils.asyncFx(() -> video.snapshot(null, null)).get();
    }

    /** How many sampled pixels differ between two frames: a playing picture changes, a frozen one does not. */
    private static int changedPixels(Image a, Image b) {
        int changed = 0;
        for (int y = 0; y < (int) Math.min(a.getHeight(), b.getHeight()); y += 4) {
            for (int x = 0; x < (int) Math.min(a.getWidth(), b.getWidth()); x += 4) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    @Test
    void withoutASoundOutputThePictureStillPlaysAndTheStepSaysWhy() throws Exception {
        PlayStepTest.toPlay(user, home, world);
        AppDriver.await(20, () -> !user.text("#play-sound-notice").isEmpty());
        assertThat(user.text("#play-sound-notice")).contains("no sound output on this computer");
        AppDriver.await(20, () -> PlayStepTest.showsVideo(user));
        AppDriver.await(10, () -> user.text("#play-state").equals("Playing live"));
        assertThat(user.text("#play-problem")).as("no error over the picture").isEmpty();

        Image first = frame();
        // The test picture moves every frame; wait until the player shows a different one.
        AppDriver.await(10, () -> changedPixels(first, frame()) > 20);
        assertThat(PlayStepTest.showsVideo(user)).as("still a picture, not black").isTrue();
    }
}

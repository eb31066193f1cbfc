package org.streamfront.playback;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.scene.paint.Color;

/**
 * Plays a stream in a player nobody sees (JavaFX's headless platform: no display needed) and
 * measures the time to the first rendered frame. The JavaFX side of playback; the checks and the
 * watchdog hold no JavaFX types.
 */
public final class HeadlessPlayer {
    /** {@code withoutSound}: there was no sound output, so the picture was played alone through {@link PlaybackRelay}. */
    public record Result(long firstFrameMillis, double playedSeconds, String problem, boolean withoutSound) {
    }

    private HeadlessPlayer() {
    }

    /** Starts JavaFX without a window (the headless platform unless another is chosen), or finds it running. */
    public static void startToolkit() throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
    }

    public static Result play(URI url, Duration howLong) throws Exception {
        startToolkit();
        URI media = new ViewerProbe().mediaPlaylist(url);
        // Through the relay, as the Play step plays (see PlaybackRelay).
        try (PlaybackRelay relay = new PlaybackRelay()) {
            CompletableFuture<Attempt> result = new CompletableFuture<>();
            Platform.runLater(() -> watch(relay.forPlayer(media, false), howLong, false, result));
            Attempt r = result.get(howLong.toSeconds() + 60, TimeUnit.SECONDS);
            if (!r.noSoundOutput) {
                return r.result;
            }
            // No sound output on this computer: play the picture alone, as the Play step does.
            CompletableFuture<Attempt> again = new CompletableFuture<>();
            Platform.runLater(() -> watch(relay.forPlayer(media, true), howLong, true, again));
            return again.get(howLong.toSeconds() + 60, TimeUnit.SECONDS).result;
        }
    }

    private record Attempt(Result result, boolean noSoundOutput) {
    }

    private static void watch(URI url, Duration howLong, boolean withoutSound, CompletableFuture<Attempt> result) {
        long start = System.nanoTime();
        MediaPlayer player = new MediaPlayer(new Media(url.toString()));
        MediaView view = new MediaView(player);
        view.setFitWidth(320);
        view.setPreserveRatio(true);
        new Scene(new Group(view), 320, 180);
        long[] firstFrame = {-1};
        String[] problem = {null};
        boolean[] noSound = {false};
        player.setOnError(() -> {
            problem[0] = PlaybackProblems.fromMediaError(player.getError().getType().name(), player.getError().getMessage());
            noSound[0] = !withoutSound && PlaybackProblems.isNoSoundOutput(player.getError().getType().name(),
                    player.getError().getMessage());
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (firstFrame[0] < 0 && player.getCurrentTime().toMillis() > 0 && hasPicture(view)) {
                    firstFrame[0] = (System.nanoTime() - start) / 1_000_000;
                }
                if (problem[0] != null || System.nanoTime() - start > howLong.toNanos()) {
                    stop();
                    double played = player.getCurrentTime().toSeconds();
                    player.dispose();
                    result.complete(new Attempt(new Result(firstFrame[0], played,
                            problem[0] != null ? problem[0] : firstFrame[0] < 0 ? "no picture arrived" : null, withoutSound), noSound[0]));
                }
            }
        }.start();
        player.play();
    }

    /**
     * Whether the view shows anything but black: a decoded frame reached the screen. The snapshot
     * is taken over black, so an empty view (no frame yet) reads as black, not as the default white.
     */
    public static boolean hasPicture(MediaView view) {
        SnapshotParameters overBlack = new SnapshotParameters();
        overBlack.setFill(Color.BLACK);
        Image image = view.snapshot(overBlack, null);
        var pixels = image.getPixelReader();
        if (pixels == null) {
            return false;
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        for (int y = 0; y < h; y += 4) {
            for (int x = 0; x < w; x += 4) {
                int argb = pixels.getArgb(x, y);
                if (((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF) > 60) {
                    return true;
                }
            }
        }
        return false;
    }
}

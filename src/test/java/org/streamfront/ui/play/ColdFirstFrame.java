package org.streamfront.ui.play;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import org.streamfront.plan.Plan;
import org.streamfront.playback.HeadlessPlayer;

/**
 * One cold first frame in a fresh JVM, for FirstFrameBenchmark: the toolkit is up (as in the app
 * when the user clicks Next), nothing of media has run yet, and the Play step has only done what
 * the Deploy step has it do ahead ({@link PlayViewModel#prepare()}). {@code step}: the Play
 * step's model plays the stream; {@code bare}: a MediaPlayer on the master playlist. Prints
 * {@code FIRST_FRAME <ms>}. Arguments: step|bare, the edge base address, the plan's origin port.
 */
public final class ColdFirstFrame {
    public static void main(String[] args) throws Exception {
        boolean step = args[0].equals("step");
        URI base = URI.create(args[1]);
        Plan plan = org.streamfront.sim.PracticeWorld.examplePlan(Integer.parseInt(args[2]));
        HeadlessPlayer.startToolkit();
        // As in the app: the Deploy step lays the Play step's groundwork while the user reads it.
        PlayViewModel model = step ? new PlayViewModel(new SimpleStringProperty("stream1"), () -> plan) : null;
        if (step) {
            model.prepare().get(30, TimeUnit.SECONDS);
        }
        CompletableFuture<Long> frame = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            MediaView view = new MediaView();
            view.setFitWidth(480);
            view.setPreserveRatio(true);
            new Scene(new Group(view), 480, 270);
            if (step) {
                view.mediaPlayerProperty().bind(model.player);
                model.viewerBase().set(base);
                model.play();
            } else {
                MediaPlayer player = new MediaPlayer(new Media(base.resolve("/streams/stream1_adaptive.m3u8").toString()));
                view.setMediaPlayer(player);
                player.play();
            }
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (view.getMediaPlayer() != null && HeadlessPlayer.hasPicture(view)) {
                        stop();
                        frame.complete((System.nanoTime() - t0) / 1_000_000);
                    }
                }
            }.start();
        });
        System.out.println("FIRST_FRAME " + frame.get(60, TimeUnit.SECONDS));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}

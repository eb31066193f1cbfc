package org.streamfront.ui.play;

import org.streamfront.testing.Configs;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.streamfront.aws.AwsClients;
import org.streamfront.bench.BenchTable;
import org.streamfront.plan.DistributionConfigMapper;
import org.streamfront.plan.Plan;
import org.streamfront.plan.PlanIds;
import org.streamfront.playback.HeadlessPlayer;
import org.streamfront.sim.PracticeWorld;

/**
 * Time from opening the Play step (the Play step's model starting to play) to the first rendered
 * frame through the local edge, next to a bare MediaPlayer on the same URL, alternating in one run.
 */
class FirstFrameBenchmark {
    private static final int RUNS = 10;

    @Test
    void firstFrame() throws Exception {
        try (PracticeWorld world = PracticeWorld.start(Duration.ZERO);
             var cf = AwsClients.cloudFront(PracticeWorld.CREDENTIALS, world.api.uri())) {
            var plan = PlanIds.ensure(world.examplePlan());
            String domain = cf.createDistribution(r -> r.distributionConfig(Configs.sendable(cf, plan)))
                    .distribution().domainName();
            URI base = world.edge.addressOf(domain);
            URI url = base.resolve("/streams/stream1.m3u8");
            URI master = base.resolve("/streams/stream1_adaptive.m3u8");
            HeadlessPlayer.startToolkit();
            List<Double> ours = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            List<Double> bareMaster = new ArrayList<>();
            measure(() -> bareAttempt(url)); // warm-up: codecs and classes
            // One Play step, as in the app: each run is Play pressed again (its relay stays).
            PlayViewModel model = new PlayViewModel(new SimpleStringProperty("stream1"), () -> plan);
            model.viewerBase().set(base);
            measure(() -> playStepAttempt(model));
            for (int i = 0; i < RUNS; i++) {
                ours.add(measure(() -> playStepAttempt(model)));
                bare.add(measure(() -> bareAttempt(url)));
                bareMaster.add(measure(() -> bareAttempt(master)));
            }
            // Cold: each in a fresh JVM, alternating, the way a user meets the step the first time.
            List<Double> coldStep = new ArrayList<>();
            List<Double> coldBare = new ArrayList<>();
            List<Double> coldSilent = new ArrayList<>();
            for (int i = 0; i < COLD_RUNS; i++) {
                coldStep.add(cold("step", base, world.origin.port(), false));
                coldBare.add(cold("bare", base, world.origin.port(), false));
                coldSilent.add(cold("step", base, world.origin.port(), true));
            }
            // Two baselines: JavaFX on the media playlist starts soonest but stops after a few
            // segments of a live stream; on the master playlist it keeps playing (and floods the
            // edge with reloads). The Play step must keep playing, so the second is the like-for-like one.
            BenchTable.print("Time to the first rendered frame through the local edge (ms)",
                    new String[] {"player", "median ms", "runs"},
                    List.of(new String[] {"StreamFront Play step", String.format("%.0f", median(ours)), ours.toString()},
                            new String[] {"bare MediaPlayer, media playlist (stops live)", String.format("%.0f", median(bare)), bare.toString()},
                            new String[] {"bare MediaPlayer, AMS master playlist", String.format("%.0f", median(bareMaster)), bareMaster.toString()},
                            new String[] {"ratio to the media playlist", String.format("%.2f", median(ours) / median(bare)), ""},
                            new String[] {"ratio to the master playlist (target <= 1.2)",
                                    String.format("%.2f", median(ours) / median(bareMaster)), ""},
                            new String[] {"cold: the Play step, first play in a fresh app JVM", String.format("%.0f", median(coldStep)), coldStep.toString()},
                            new String[] {"cold: bare MediaPlayer, master playlist, fresh JVM", String.format("%.0f", median(coldBare)), coldBare.toString()},
                            new String[] {"cold ratio", String.format("%.2f", median(coldStep) / median(coldBare)), ""},
                            new String[] {"cold: the Play step on a computer without sound output (audio taken out)",
                                    String.format("%.0f", median(coldSilent)), coldSilent.toString()},
                            new String[] {"its ratio to the bare player with sound", String.format("%.2f", median(coldSilent) / median(coldBare)), ""}));
        }
    }

    private static final int COLD_RUNS = 5;

    /**
     * One cold first frame in a child JVM with this JVM's flags (the headless platform); {@code silent}:
     * its sound server address leads nowhere, so JavaFX has no sound output (the Play step then takes the audio out).
     */
    private static double cold(String mode, URI base, int originPort, boolean silent) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-D") || a.startsWith("--enable-native-access")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdFirstFrame.class.getName(),
                mode, base.toString(), String.valueOf(originPort)));
        ProcessBuilder child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (silent) {
            child.environment().put("PULSE_SERVER", "unix:/nonexistent/streamfront-no-sound");
        }
        Process p = child.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out.lines().filter(l -> l.startsWith("FIRST_FRAME ")).map(l -> Double.parseDouble(l.substring(12).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no first frame from the " + mode + " JVM: " + out));
    }

    private interface Attempt {
        /** Starts playing into the returned view; returns what to dispose afterwards. */
        Object[] start();
    }

    private static double measure(Attempt attempt) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            Object[] parts = attempt.start();
            MediaView view = (MediaView) parts[0];
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (view.getMediaPlayer() != null && HeadlessPlayer.hasPicture(view)) {
                        stop();
                        done.complete((System.nanoTime() - t0) / 1e6);
                        ((Runnable) parts[1]).run();
                    }
                }
            }.start();
        });
        return Math.round(done.get(60, TimeUnit.SECONDS));
    }

    private static Object[] playStepAttempt(PlayViewModel model) {
        MediaView view = new MediaView();
        view.setFitWidth(480);
        view.setPreserveRatio(true);
        view.mediaPlayerProperty().bind(model.player);
        new Scene(new Group(view), 480, 270);
        model.play();
        return new Object[] {view, (Runnable) model::stop};
    }

    private static Object[] bareAttempt(URI url) {
        MediaPlayer player = new MediaPlayer(new Media(url.toString()));
        MediaView view = new MediaView(player);
        view.setFitWidth(480);
        view.setPreserveRatio(true);
        new Scene(new Group(view), 480, 270);
        player.play();
        return new Object[] {view, (Runnable) player::dispose};
    }

    private static double median(List<Double> v) {
        return BenchTable.median(v);
    }
}
